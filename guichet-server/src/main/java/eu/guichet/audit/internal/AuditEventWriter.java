package eu.guichet.audit.internal;

import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;

/**
 * Appends events to the chain. Writers are serialised by a transaction-scoped advisory lock taken before reading
 * the head, so concurrent transactions never fork the chain; a rolled-back transaction leaves no gap because the
 * next writer reads the head again. Call it last in a transaction: the lock is held until commit.
 */
@Service
class AuditEventWriter implements AuditTrail {

    /** Arbitrary constant naming the lock that serialises the chain's writers. */
    private static final long CHAIN_LOCK = 0x6775696368657401L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditAnchors anchors;
    private final TransactionTemplate independent;

    AuditEventWriter(JdbcClient jdbc, Clock clock, AuditAnchors anchors, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.anchors = anchors;
        this.independent = new TransactionTemplate(transactions);
        this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord record) {
        append(record);
    }

    @Override
    public void recordIndependently(AuditRecord record) {
        String actor = actorOf(record); // resolved on the caller's thread before the new transaction starts
        independent.executeWithoutResult(status -> append(record.by(actor)));
    }

    private void append(AuditRecord record) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        record Head(long sequence, String hash) {
        }
        Head head = jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(new Head(0, AuditChain.GENESIS));
        AuditEvent unsealed = new AuditEvent(head.sequence() + 1, UUID.randomUUID(),
                AuditChain.storedPrecision(clock.instant()), actorOf(record), record.action(), record.objectType(),
                record.objectId(), record.outcome(), RequestIds.current().orElse(null), record.details(),
                head.hash(), null);
        String hash = AuditChain.hash(unsealed);
        jdbc.sql("""
                insert into audit_event (seq, id, occurred_at, actor, action, object_type, object_id, outcome,
                                         request_id, details, prev_hash, hash)
                values (:seq, :id, :at, :actor, :action, :objectType, :objectId, :outcome,
                        :requestId, :details, :prev, :hash)
                """)
                .param("seq", unsealed.sequence())
                .param("id", unsealed.id())
                .param("at", java.sql.Timestamp.from(unsealed.occurredAt()))
                .param("actor", unsealed.actor())
                .param("action", unsealed.action())
                .param("objectType", unsealed.objectType())
                .param("objectId", unsealed.objectId())
                .param("outcome", unsealed.outcome().name())
                .param("requestId", unsealed.requestId())
                .param("details", AuditChain.detailsJson(unsealed.details()))
                .param("prev", unsealed.previousHash())
                .param("hash", hash)
                .update();
        anchorAfterCommit(unsealed.sequence(), hash);
    }

    private void anchorAfterCommit(long sequence, String hash) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                anchors.append(sequence, hash);
            }
        });
    }

    private static String actorOf(AuditRecord record) {
        return record.actor().orElseGet(() -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null) {
                return "system";
            }
            if (auth instanceof AnonymousAuthenticationToken) {
                return "anonymous";
            }
            return auth.getName();
        });
    }
}
