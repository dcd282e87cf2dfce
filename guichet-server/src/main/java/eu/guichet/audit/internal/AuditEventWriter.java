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
 * next writer reads the head again. Call it last in a transaction: the lock is held until commit. After the commit
 * the transaction's newest event is anchored outside the database.
 *
 * <p>A transaction of its own started while this thread's transaction holds the lock (a {@code REQUIRES_NEW} inside
 * it) would wait for that lock forever: it is refused with an {@link IllegalStateException} instead.
 */
@Service
class AuditEventWriter implements AuditTrail {

    /** Arbitrary constant naming the lock that serialises the chain's writers. */
    private static final long CHAIN_LOCK = 0x6775696368657401L;

    /** How many transactions of this thread, the current one or suspended ones, hold the chain lock. */
    private static final ThreadLocal<int[]> LOCKS_HELD_BY_THREAD = ThreadLocal.withInitial(() -> new int[1]);

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
        checkNoSuspendedTransactionHoldsTheLock(null);
        String actor = actorOf(record); // resolved on the caller's thread before the new transaction starts
        independent.executeWithoutResult(status -> append(record.by(actor)));
    }

    private void append(AuditRecord record) {
        HeldChainLock held = heldByCurrentTransaction();
        checkNoSuspendedTransactionHoldsTheLock(held);
        if (held == null) {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
            held = new HeldChainLock();
            TransactionSynchronizationManager.registerSynchronization(held);
            LOCKS_HELD_BY_THREAD.get()[0]++;
        }
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
        held.newest(unsealed.sequence(), hash);
    }

    private static void checkNoSuspendedTransactionHoldsTheLock(HeldChainLock heldByCurrent) {
        int held = LOCKS_HELD_BY_THREAD.get()[0] - (heldByCurrent == null ? 0 : 1);
        if (held > 0) {
            throw new IllegalStateException("A transaction of this thread that is suspended holds the audit chain "
                    + "lock until it ends; writing to the chain from a new transaction would wait for it forever. "
                    + "Record independently before the surrounding transaction's first audit event, or after it.");
        }
    }

    private HeldChainLock heldByCurrentTransaction() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof HeldChainLock held && held.writer() == this) {
                return held;
            }
        }
        return null;
    }

    /** The chain lock held by one transaction, and the newest event it wrote, anchored after the commit. */
    private final class HeldChainLock implements TransactionSynchronization {
        private long newestSequence;
        private String newestHash;

        void newest(long sequence, String hash) {
            newestSequence = sequence;
            newestHash = hash;
        }

        AuditEventWriter writer() {
            return AuditEventWriter.this;
        }

        @Override
        public void afterCommit() {
            anchors.append(newestSequence, newestHash);
        }

        @Override
        public void afterCompletion(int status) {
            LOCKS_HELD_BY_THREAD.get()[0]--;
        }
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
