package eu.guichet.extract.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.FileRetention;
import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitRevoked;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.extract.ExtractBuilder;
import eu.guichet.extract.ExtractLifecycle;
import eu.guichet.extract.ExtractState;
import eu.guichet.extract.ExtractStatus;

/**
 * Deletes the files of a permit's extracts once the permit has been revoked or has expired for longer than
 * {@code guichet.extract.retention} (default 6 months, as workspaces), each in its own transaction, audited
 * ({@code extract.deleted}); the status becomes DELETED and the evidence stays (names, counts and hashes only).
 */
@Component
public class ExtractRetention {

    private final ExtractRepository repository;
    private final ExtractBuilder builder;
    private final ExtractProperties settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ExtractRetention(ExtractRepository repository, ExtractBuilder builder, ExtractProperties settings,
            AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.builder = builder;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PermitRevoked event) {
        repository.permitEnded(event.permitId(), event.revokedAt());
    }

    @ApplicationModuleListener
    void on(PermitExpired event) {
        repository.permitEnded(event.permitId(), event.expiredAt());
    }

    @Scheduled(fixedDelayString = "${guichet.extract.sweep-interval:1h}", initialDelayString = "1m")
    void scheduled() {
        deleteExpired();
    }

    /** Deletes every extract past its retention; returns how many. */
    public int deleteExpired() {
        Instant now = clock.instant();
        Instant cutoff = new FileRetention(settings.retention()).cutoff(now, clock.getZone());
        int deleted = 0;
        for (ExtractState candidate : repository.endedBefore(cutoff)) {
            Boolean done = transactions.execute(s -> {
                ExtractState e = repository.findForUpdate(candidate.permitId(), candidate.version()).orElseThrow();
                if (!ExtractLifecycle.allows(e.status(), ExtractStatus.DELETED)) {
                    return false;
                }
                ExtractBuilds.deleteTree(builder.location(e.extractId()));
                repository.move(e.permitId(), e.version(), e.status(), ExtractStatus.DELETED, Optional.empty(), now);
                audit.record(AuditRecord.success("extract.deleted", "permit", e.permitId()).by("system")
                        .with("version", e.version()).with("extract", e.extractId()).with("from", e.status())
                        .with("retention", settings.retention()));
                return true;
            });
            deleted += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return deleted;
    }
}
