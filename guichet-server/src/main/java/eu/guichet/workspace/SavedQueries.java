package eu.guichet.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.CurrentUser;
import eu.guichet.workspace.internal.ConsoleRepository;
import eu.guichet.workspace.internal.WorkspaceGate;

/**
 * A workspace's saved queries: any member reads them and saves new ones; changing or deleting one needs the
 * workspace open (its permit active). Output control re-runs them ({@link Workspaces#runForDisclosure}).
 */
@Service
public class SavedQueries {

    private final ConsoleRepository console;
    private final WorkspaceGate gate;
    private final AuditTrail audit;
    private final Clock clock;

    SavedQueries(ConsoleRepository console, WorkspaceGate gate, AuditTrail audit, Clock clock) {
        this.console = console;
        this.gate = gate;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedQuery> list(WorkspaceId workspace, CurrentUser caller) {
        gate.view(workspace, caller);
        return console.saved(workspace);
    }

    @Transactional(readOnly = true)
    public SavedQuery get(WorkspaceId workspace, UUID id, CurrentUser caller) {
        gate.view(workspace, caller);
        return console.findSaved(workspace, id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public SavedQuery save(WorkspaceId workspace, String name, String sql, CurrentUser caller) {
        gate.enter(workspace, caller);
        check(name, sql);
        Instant now = clock.instant();
        SavedQuery q = new SavedQuery(UUID.randomUUID(), workspace, name.strip(), sql.strip(), caller.id(), now, now);
        console.insertSaved(q);
        audit.record(AuditRecord.success("workspace.query_saved", "workspace", workspace).with("savedQuery", q.id()));
        return q;
    }

    @Transactional
    public SavedQuery update(WorkspaceId workspace, UUID id, String name, String sql, CurrentUser caller) {
        gate.enter(workspace, caller);
        check(name, sql);
        SavedQuery old = console.findSaved(workspace, id).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        console.updateSaved(id, name.strip(), sql.strip(), now);
        audit.record(AuditRecord.success("workspace.query_updated", "workspace", workspace).with("savedQuery", id));
        return new SavedQuery(id, workspace, name.strip(), sql.strip(), old.createdBy(), old.createdAt(), now);
    }

    @Transactional
    public void delete(WorkspaceId workspace, UUID id, CurrentUser caller) {
        gate.enter(workspace, caller);
        console.findSaved(workspace, id).orElseThrow(() -> notFound(id));
        console.deleteSaved(id);
        audit.record(AuditRecord.success("workspace.query_deleted", "workspace", workspace).with("savedQuery", id));
    }

    private static void check(String name, String sql) {
        if (name == null || name.isBlank() || name.length() > 200 || sql == null || sql.isBlank()) {
            throw new ValidationException("workspace.saved_query_invalid",
                    "A saved query has a name (at most 200 characters) and its SQL.",
                    List.of(new ValidationException.FieldError("name", "1 to 200 characters"),
                            new ValidationException.FieldError("sql", "required")));
        }
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("workspace.saved_query_not_found", "No saved query " + id + " here.");
    }
}
