package eu.guichet.workspace.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.guichet.access.AnalysisClosed;
import eu.guichet.access.AnalysisOpened;
import eu.guichet.access.PermitAmended;
import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitExtended;
import eu.guichet.access.PermitGranted;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitRevoked;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.extract.ExtractReady;
import eu.guichet.security.UserId;
import eu.guichet.workspace.WorkspaceLifecycle;
import eu.guichet.workspace.WorkspaceStatus;

/**
 * Keeps each permit's workspace in step with the permit and its extracts. Events may arrive in any order (each one
 * locks the workspace row, creating it PENDING if needed): the workspace opens once it has both members (the grant)
 * and an extract, and stays locked once the permit is revoked or expired, whatever arrives later. A statistical
 * answer's analysis has a workspace the same way: its id is the analysis's, its member the analyst, and it locks when
 * the answer is released.
 */
@Component
class PermitEventsListener {

    private final WorkspaceRepository workspaces;
    private final AuditTrail audit;
    private final Clock clock;

    PermitEventsListener(WorkspaceRepository workspaces, AuditTrail audit, Clock clock) {
        this.workspaces = workspaces;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PermitGranted event) {
        members(event.permitId(), event.version(), event.members(), Optional.of(event.validUntil()));
    }

    @ApplicationModuleListener
    void on(PermitAmended event) {
        members(event.permitId(), event.version(), event.members(), Optional.empty());
    }

    @ApplicationModuleListener
    void on(PermitExtended event) {
        Instant now = clock.instant();
        var row = workspaces.lockOrCreate(event.permitId(), now);
        workspaces.setValidUntil(row.id(), event.validUntil(), now);
    }

    @ApplicationModuleListener
    void on(PermitRevoked event) {
        lock(event.permitId(), "REVOKED");
    }

    @ApplicationModuleListener
    void on(PermitExpired event) {
        lock(event.permitId(), "EXPIRED");
    }

    /** A statistical answer's analysis: its analyst works in it (taken over: the new analyst replaces the former). */
    @ApplicationModuleListener
    void on(AnalysisOpened event) {
        members(event.analysisId(), 1, event.analysts(), Optional.of(event.validUntil()));
    }

    @ApplicationModuleListener
    void on(AnalysisClosed event) {
        lock(event.analysisId(), "ANSWERED");
    }

    @ApplicationModuleListener
    void on(ExtractReady event) {
        Instant now = clock.instant();
        var row = workspaces.lockOrCreate(event.permitId(), now);
        if (event.version() >= row.workspace().extractVersion()) {
            workspaces.setExtract(row.id(), event.version(), event.extractId(),
                    event.database().toAbsolutePath().toString(), now);
        }
        openIfReady(event.permitId(), now);
    }

    private void members(PermitId permit, int version, Set<UserId> members, Optional<Instant> validUntil) {
        Instant now = clock.instant();
        var row = workspaces.lockOrCreate(permit, now);
        if (version >= row.permitVersion()) {
            workspaces.replaceMembers(row.id(), version, members, now);
        }
        validUntil.ifPresent(v -> workspaces.setValidUntil(row.id(), v, now));
        openIfReady(permit, now);
    }

    private void openIfReady(PermitId permit, Instant now) {
        var row = workspaces.findByPermit(permit).orElseThrow();
        boolean ready = row.permitVersion() > 0 && row.extractPath().isPresent();
        if (row.status() == WorkspaceStatus.PENDING && ready) {
            workspaces.setStatus(row.id(), WorkspaceStatus.OPEN, Optional.empty(), now);
            audit.record(AuditRecord.success(WorkspaceLifecycle.move(WorkspaceStatus.PENDING, WorkspaceStatus.OPEN)
                    .action(), "workspace", row.id()).by("system").with("permit", permit)
                    .with("extract", row.workspace().extractId().orElse(""))
                    .with("members", row.workspace().members().size()));
        }
    }

    private void lock(PermitId permit, String reason) {
        Instant now = clock.instant();
        var row = workspaces.lockOrCreate(permit, now);
        if (WorkspaceLifecycle.allows(row.status(), WorkspaceStatus.LOCKED)) {
            workspaces.setStatus(row.id(), WorkspaceStatus.LOCKED, Optional.of(reason), now);
            audit.record(AuditRecord.success(WorkspaceLifecycle.move(row.status(), WorkspaceStatus.LOCKED).action(),
                    "workspace", row.id()).by("system").with("permit", permit).with("reason", reason));
        }
    }

}
