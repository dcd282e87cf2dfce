package eu.guichet.workspace.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.FileRetention;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.WorkspaceLifecycle;
import eu.guichet.workspace.WorkspaceStatus;

/**
 * Deletes the files of workspaces locked longer than {@code guichet.workspace.retention} ago (default 6 months,
 * EHDS Art. 68(11)), each in its own transaction, audited. The query log and saved queries stay (no row data).
 */
@Component
public class WorkspaceSweeps {

    private final WorkspaceRepository workspaces;
    private final Sessions sessions;
    private final WorkspaceProperties settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WorkspaceSweeps(WorkspaceRepository workspaces, Sessions sessions, WorkspaceProperties settings, AuditTrail audit,
            TransactionTemplate transactions, Clock clock) {
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guichet.workspace.sweep-interval:1h}", initialDelayString = "1m")
    void scheduled() {
        deleteExpired();
    }

    /** Deletes every workspace past its retention; returns how many. */
    public int deleteExpired() {
        Instant now = clock.instant();
        Instant cutoff = new FileRetention(settings.retention()).cutoff(now, clock.getZone());
        int deleted = 0;
        for (WorkspaceId id : workspaces.lockedBefore(cutoff)) {
            Boolean done = transactions.execute(s -> {
                var row = workspaces.findForUpdate(id).orElseThrow();
                if (row.status() != WorkspaceStatus.LOCKED) {
                    return false;
                }
                sessions.deleteFiles(id);
                workspaces.setStatus(id, WorkspaceStatus.DELETED, Optional.empty(), now);
                audit.record(AuditRecord.success(WorkspaceLifecycle.move(WorkspaceStatus.LOCKED,
                        WorkspaceStatus.DELETED).action(), "workspace", id).by("system")
                        .with("lockedAt", row.workspace().lockedAt().map(Instant::toString).orElse(""))
                        .with("retention", settings.retention()));
                return true;
            });
            deleted += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return deleted;
    }
}
