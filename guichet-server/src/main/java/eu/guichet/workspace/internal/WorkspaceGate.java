package eu.guichet.workspace.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.guichet.access.Analysis;
import eu.guichet.access.Permit;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.StatisticalAnswers;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.CurrentUser;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.WorkspaceStatus;

/**
 * Who may enter a workspace (ARCHITECTURE.md security property 2): only the persons the permit names, only while the
 * workspace is open and the permit itself is active right now (checked against the permit, not only the workspace's
 * copy of its events, so a refusal does not wait for an event to arrive). The workspace of a statistical answer's
 * analysis admits the analyst preparing the answer while it is not released. Refusals are audited on their own.
 */
@Component
public class WorkspaceGate {

    private final WorkspaceRepository workspaces;
    private final PermitManagement permits;
    private final StatisticalAnswers analyses;
    private final AuditTrail audit;
    private final Clock clock;

    WorkspaceGate(WorkspaceRepository workspaces, PermitManagement permits, StatisticalAnswers analyses,
            AuditTrail audit, Clock clock) {
        this.analyses = analyses;
        this.workspaces = workspaces;
        this.permits = permits;
        this.audit = audit;
        this.clock = clock;
    }

    /** The workspace, if the caller is one of its members; 404 otherwise (its existence is not disclosed). */
    public WorkspaceRepository.Row view(WorkspaceId id, CurrentUser caller) {
        return workspaces.find(id).filter(r -> r.workspace().hasMember(caller.id())
                && r.status() != WorkspaceStatus.DELETED).orElseThrow(() -> {
                    refuse(id, "not_member");
                    return notFound(id);
                });
    }

    /** The workspace, if the caller may work in it now: a member, the workspace open, the permit active. */
    public WorkspaceRepository.Row enter(WorkspaceId id, CurrentUser caller) {
        WorkspaceRepository.Row row = view(id, caller);
        if (row.status() == WorkspaceStatus.PENDING) {
            refuse(id, "pending");
            throw new ConflictException("workspace.not_ready",
                    "The workspace opens when the permit's extract is ready.");
        }
        if (row.status() != WorkspaceStatus.OPEN) {
            refuse(id, "locked");
            throw locked();
        }
        Optional<Analysis> analysis = analyses.analysisOf(row.workspace().permitId());
        if (analysis.isPresent()) {
            return enterAnalysis(id, row, analysis.get(), caller);
        }
        Permit permit;
        try {
            permit = permits.getPermit(row.workspace().permitId(), caller);
        } catch (NotFoundException e) {
            refuse(id, "not_member");
            throw notFound(id);
        }
        if (!permit.hasMember(caller.id())) {
            refuse(id, "not_member");
            throw notFound(id);
        }
        if (!permit.isActive(clock.instant())) {
            refuse(id, "permit_inactive");
            throw locked();
        }
        return row;
    }

    /** An analysis's workspace admits the analyst preparing the answer, until the answer is released. */
    private WorkspaceRepository.Row enterAnalysis(WorkspaceId id, WorkspaceRepository.Row row, Analysis analysis,
            CurrentUser caller) {
        if (!analysis.analyst().map(caller.id()::equals).orElse(false)) {
            refuse(id, "not_member");
            throw notFound(id);
        }
        if (!analysis.open() || !row.workspace().validUntil().map(v -> clock.instant().isBefore(v)).orElse(true)) {
            refuse(id, "analysis_closed");
            throw locked();
        }
        return row;
    }

    private void refuse(WorkspaceId id, String reason) {
        audit.recordIndependently(AuditRecord.of("workspace.entry_refused", AuditOutcome.DENIED).on("workspace", id)
                .with("reason", reason));
    }

    static ConflictException locked() {
        return new ConflictException("workspace.locked",
                "The workspace is locked: its permit was revoked or has expired (EHDS Art. 68).");
    }

    static NotFoundException notFound(WorkspaceId id) {
        return new NotFoundException("workspace.not_found", "No workspace " + id + " that you may enter.");
    }
}
