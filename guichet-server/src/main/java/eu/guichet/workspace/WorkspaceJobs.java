package eu.guichet.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.engine.SandboxException;
import eu.guichet.dataplane.engine.SqlScript;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.CurrentUser;
import eu.guichet.workspace.internal.ConsoleRepository;
import eu.guichet.workspace.internal.Sessions;
import eu.guichet.workspace.internal.WorkspaceGate;
import eu.guichet.workspace.internal.WorkspaceProperties;

/**
 * Jobs: longer scripts run in the background, statement by statement, with their progress; their results stay in the
 * workspace as scratch tables (a job returns no rows). Each statement is logged like a query. A job waits for the
 * workspace's turn; any member may cancel it. Touches rows only inside the session (DEVELOPING.md).
 */
@Service
public class WorkspaceJobs {

    private final Workspaces workspaces;
    private final ConsoleRepository console;
    private final WorkspaceGate gate;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService executor;
    private final Map<UUID, AtomicBoolean> cancelled = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> holdingSession = new ConcurrentHashMap<>();

    WorkspaceJobs(Workspaces workspaces, ConsoleRepository console, WorkspaceGate gate, Sessions sessions,
            WorkspaceProperties settings, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.workspaces = workspaces;
        this.console = console;
        this.gate = gate;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.executor = Executors.newFixedThreadPool(settings.jobThreads(), task -> {
            Thread t = new Thread(task, "workspace-job-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the script in the background; returns the RUNNING job. */
    public Job submit(WorkspaceId id, String script, CurrentUser caller) {
        List<String> statements = script == null ? List.of() : SqlScript.statements(script);
        if (statements.isEmpty()) {
            throw new ValidationException("workspace.script_empty", "The script has no statement.",
                    List.of(new ValidationException.FieldError("script", "required")));
        }
        var row = gate.enter(id, caller);
        Job job = new Job(UUID.randomUUID(), id, caller.id(), "RUNNING", statements.size(), 0, Optional.empty(),
                clock.instant(), Optional.empty());
        transactions.executeWithoutResult(s -> {
            console.insertJob(job, script);
            audit.record(AuditRecord.success("workspace.job_submitted", "workspace", id).with("job", job.id())
                    .with("statements", statements.size()));
        });
        AtomicBoolean stop = new AtomicBoolean();
        cancelled.put(job.id(), stop);
        executor.submit(() -> run(job, statements, Workspaces.extract(row), stop));
        return job;
    }

    public Job get(WorkspaceId id, UUID jobId, CurrentUser caller) {
        gate.view(id, caller);
        return console.findJob(id, jobId)
                .orElseThrow(() -> new NotFoundException("workspace.job_not_found", "No job " + jobId + " here."));
    }

    /**
     * Stops the job: a job waiting for the workspace's turn never starts; a running one stops during its current
     * statement (the session is interrupted only while the job holds it, never another member's query).
     */
    public Job cancel(WorkspaceId id, UUID jobId, CurrentUser caller) {
        Job job = get(id, jobId, caller);
        AtomicBoolean stop = cancelled.get(jobId);
        if (stop != null && job.status().equals("RUNNING")) {
            stop.set(true);
            if (holdingSession.containsKey(jobId)) {
                sessions.cancel(id);
            }
        }
        return job;
    }

    private void run(Job job, List<String> statements, java.nio.file.Path extract, AtomicBoolean stop) {
        String status = "SUCCEEDED";
        Optional<String> problem = Optional.empty();
        try {
            status = sessions.run(job.workspaceId(), extract, Optional.of(job.submittedBy()), sessions.limits(0),
                    true, s -> {
                        holdingSession.put(job.id(), true);
                        for (int i = 0; i < statements.size(); i++) {
                            if (stop.get()) {
                                return "CANCELLED";
                            }
                            Instant start = clock.instant();
                            long t0 = System.nanoTime();
                            try {
                                var r = s.query(statements.get(i));
                                workspaces.log(job.workspaceId(), Optional.of(job.submittedBy()), "JOB", start, t0,
                                        statements.get(i), r.totalRows(), 0, "OK");
                            } catch (SandboxException e) {
                                String outcome = stop.get() ? "CANCELLED" : Workspaces.outcome(e);
                                workspaces.log(job.workspaceId(), Optional.of(job.submittedBy()), "JOB", start, t0,
                                        statements.get(i), 0, 0, outcome);
                                throw e;
                            }
                            int done = i + 1;
                            transactions.executeWithoutResult(t -> console.progress(job.id(), done));
                        }
                        return "SUCCEEDED";
                    });
        } catch (SandboxException e) {
            status = stop.get() ? "CANCELLED" : "FAILED";
            problem = Optional.ofNullable(e.getMessage());
        } catch (RuntimeException e) {
            status = "FAILED";
            problem = Optional.of("The job could not run: " + e.getClass().getSimpleName());
        } finally {
            holdingSession.remove(job.id());
            cancelled.remove(job.id());
        }
        String end = status;
        Optional<String> why = problem;
        transactions.executeWithoutResult(t -> {
            console.finish(job.id(), end, why, clock.instant());
            audit.record(AuditRecord.success("workspace.job_finished", "workspace", job.workspaceId())
                    .by("system").with("job", job.id()).with("status", end));
        });
    }
}
