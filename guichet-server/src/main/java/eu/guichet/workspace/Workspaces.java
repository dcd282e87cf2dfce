package eu.guichet.workspace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.engine.DuckDbSandbox;
import eu.guichet.dataplane.engine.QueryResult;
import eu.guichet.dataplane.engine.SandboxException;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;
import eu.guichet.workspace.internal.ConsoleRepository;
import eu.guichet.workspace.internal.Sessions;
import eu.guichet.workspace.internal.WorkspaceGate;
import eu.guichet.workspace.internal.WorkspaceProperties;
import eu.guichet.workspace.internal.WorkspaceRepository;

/**
 * Workspaces (EHDS Art. 73): what their members see and run. Queries run in a locked session and return a preview
 * capped at {@code guichet.workspace.preview-rows}, counted against the caller's daily preview budget, logged
 * (without values) and audited; output control re-runs saved queries with {@link #runForDisclosure}. This class hands
 * rows from the sessions to callers and never logs them (DEVELOPING.md, "Classes that touch rows").
 */
@Service
public class Workspaces {

    private final WorkspaceRepository workspaces;
    private final ConsoleRepository console;
    private final WorkspaceGate gate;
    private final Sessions sessions;
    private final WorkspaceProperties settings;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Workspaces(WorkspaceRepository workspaces, ConsoleRepository console, WorkspaceGate gate, Sessions sessions,
            WorkspaceProperties settings, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.workspaces = workspaces;
        this.console = console;
        this.gate = gate;
        this.sessions = sessions;
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** The workspaces naming the caller (deleted ones left out), newest first. */
    public List<Workspace> list(CurrentUser caller) {
        return workspaces.naming(caller.id()).stream().map(WorkspaceRepository.Row::workspace).toList();
    }

    /** A workspace naming the caller; 404 otherwise. */
    public Workspace get(WorkspaceId id, CurrentUser caller) {
        return gate.view(id, caller).workspace();
    }

    /** The permit's workspace, whoever asks (for other modules: output control). */
    public Optional<Workspace> findByPermit(eu.guichet.access.PermitId permit) {
        return workspaces.findByPermit(permit).map(WorkspaceRepository.Row::workspace);
    }

    /** The statements run in the workspace, newest first (SQL, who, when, rows; never a value). */
    public List<QueryLogEntry> history(WorkspaceId id, CurrentUser caller) {
        gate.view(id, caller);
        return console.history(id, 200);
    }

    /** The tables a session sees: the extract's (read-only) and the workspace's scratch tables. */
    public List<String> tables(WorkspaceId id, CurrentUser caller) {
        var row = gate.enter(id, caller);
        return sessions.run(id, extract(row), Optional.of(caller.id()), sessions.limits(10_000), false,
                s -> s.query("select database_name || '.' || table_name from duckdb_tables() "
                        + "where database_name in ('extract', 'scratch') order by database_name, table_name"))
                .rows().stream().map(r -> r.get(0)).toList();
    }

    // --- running queries -------------------------------------------------------------------------------------

    /**
     * Runs the caller's SQL in the workspace and returns its preview. Refused when the caller's daily preview budget
     * is used up (403 {@code workspace.preview_budget_exhausted}) until the HDAB lifts it.
     */
    public QueryPreview query(WorkspaceId id, String sql, CurrentUser caller) {
        if (sql == null || sql.isBlank()) {
            throw new ValidationException("workspace.sql_required", "Write the SQL to run.",
                    List.of(new ValidationException.FieldError("sql", "required")));
        }
        var row = gate.enter(id, caller);
        long left = budgetLeft(caller.id());
        if (left <= 0) {
            throw new AccessDenied("workspace.preview_budget_exhausted", "You have received your "
                    + settings.dailyPreviewRows() + " preview rows for today; the HDAB can lift the budget.");
        }
        int cap = (int) Math.min(settings.previewRows(), left);
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        QueryResult result;
        try {
            result = sessions.run(id, extract(row), Optional.of(caller.id()), sessions.limits(cap), false,
                    s -> s.query(sql));
        } catch (SandboxException e) {
            String outcome = outcome(e);
            log(id, Optional.of(caller.id()), "QUERY", start, t0, sql, 0, 0, outcome);
            throw new ValidationException(outcome.equals("REFUSED") ? "workspace.query_refused"
                    : "workspace.query_failed", e.getMessage());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        UUID logId = log(id, Optional.of(caller.id()), "QUERY", start, t0, sql, result.totalRows(),
                result.rows().size(), "OK");
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.success("workspace.preview", "workspace", id)
                .with("query", logId).with("rows", result.rows().size()).with("totalRows", result.totalRows())));
        return new QueryPreview(result.columns(), result.rows(), result.totalRows(), result.truncated(), ms,
                left - result.rows().size());
    }

    /** Cancels the statement running in the workspace (any member may stop it); whether one was running. */
    public boolean cancel(WorkspaceId id, CurrentUser caller) {
        gate.view(id, caller);
        return sessions.cancel(id);
    }

    /** Preview rows the user may still receive today. */
    public long budgetLeft(UserId user) {
        Instant midnight = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        return Math.max(0, settings.dailyPreviewRows() - console.previewedSince(user, midnight));
    }

    /** An HDAB administrator lifts a user's exhausted preview budget: today's earlier previews no longer count. */
    public void liftBudget(UserId user, CurrentUser caller) {
        if (!caller.hasRole(Role.HDAB_ADMIN)) {
            throw new AccessDenied("workspace.budget_admin_only", "Only an HDAB administrator lifts a budget.");
        }
        transactions.executeWithoutResult(s -> {
            console.lift(user, caller.id(), clock.instant());
            audit.record(AuditRecord.success("workspace.budget_lifted", "user", user));
        });
    }

    // --- output control ----------------------------------------------------------------------------------------

    /**
     * Re-runs a saved query of the workspace against the underlying rows and writes the whole result to {@code target}
     * as CSV (header first): for output control, which checks it before anything leaves. Runs while the workspace is
     * open or locked (not once deleted), waits for the workspace's turn, is logged (kind DISCLOSURE) and audited.
     */
    public DisclosureRun runForDisclosure(WorkspaceId id, UUID savedQueryId, Path target) {
        var row = workspaces.find(id).filter(r -> r.status() == WorkspaceStatus.OPEN
                || r.status() == WorkspaceStatus.LOCKED).orElseThrow(() -> new NotFoundException(
                        "workspace.not_found", "No workspace " + id + " with data."));
        SavedQuery saved = console.findSaved(id, savedQueryId).orElseThrow(() -> new NotFoundException(
                "workspace.saved_query_not_found", "No saved query " + savedQueryId + " in workspace " + id + "."));
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        List<String> columns = new ArrayList<>();
        long rows;
        try (BufferedWriter out = Files.newBufferedWriter(target)) {
            rows = sessions.run(id, extract(row), Optional.empty(), sessions.limits(0), true,
                    s -> s.stream(saved.sql(), new CsvSink(out, columns)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the disclosure run", e);
        } catch (SandboxException e) {
            log(id, Optional.empty(), "DISCLOSURE", start, t0, saved.sql(), 0, 0, outcome(e));
            throw new ValidationException("workspace.query_failed", e.getMessage());
        }
        log(id, Optional.empty(), "DISCLOSURE", start, t0, saved.sql(), rows, 0, "OK");
        transactions.executeWithoutResult(s -> audit.record(AuditRecord.success("workspace.disclosure_run",
                "workspace", id).by("system").with("savedQuery", savedQueryId).with("rows", rows)));
        return new DisclosureRun(target, columns, rows);
    }

    // --- shared with the module -------------------------------------------------------------------------------

    static String outcome(SandboxException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("INTERRUPT") || m.contains("cancelled")) {
            return "CANCELLED";
        }
        boolean refused = m.contains("disabled by configuration") || m.contains("configuration has been locked")
                || m.contains("read-only mode") || m.contains("Loading external extensions is disabled")
                || m.contains("scratch storage is full");
        return refused ? "REFUSED" : "FAILED";
    }

    UUID log(WorkspaceId id, Optional<UserId> user, String kind, Instant start, long t0, String sql, long total,
            int previewed, String outcome) {
        UUID logId = UUID.randomUUID();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        transactions.executeWithoutResult(s -> console.log(id, new QueryLogEntry(logId, user, kind, start, ms, sql,
                total, previewed, outcome)));
        return logId;
    }

    static Path extract(WorkspaceRepository.Row row) {
        return Path.of(row.extractPath().orElseThrow(() -> new ConflictException("workspace.not_ready",
                "The workspace opens when the permit's extract is ready.")));
    }

    /** Writes streamed rows as CSV. */
    private record CsvSink(BufferedWriter out, List<String> header) implements DuckDbSandbox.RowSink {

        @Override
        public void columns(List<String> names) {
            header.addAll(names);
            line(names);
        }

        @Override
        public void row(List<String> values) {
            line(values);
        }

        private void line(List<String> values) {
            try {
                out.write(String.join(",", values.stream().map(CsvSink::quote).toList()));
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String quote(String v) {
            if (v == null) {
                return "";
            }
            return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                    ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
        }
    }
}
