package eu.guichet.workspace.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import eu.guichet.dataplane.engine.DuckDbSandbox;
import eu.guichet.dataplane.engine.SandboxLimits;
import eu.guichet.dataplane.engine.WorkspaceDirectory;
import eu.guichet.problem.ConflictException;
import eu.guichet.security.UserId;
import eu.guichet.workspace.WorkspaceId;

/**
 * Opens the locked DuckDB sessions of workspaces (this class and its callers touch rows: see DEVELOPING.md, "Classes
 * that touch rows"; nothing here logs). A workspace runs one session at a time (its scratch database has one writer):
 * a query finding it busy is refused, a job or an output-control run waits its turn. A user runs at most
 * {@code concurrent-queries-per-user} statements at once. The running session can be cancelled from another request.
 */
@Component
public class Sessions {

    private final WorkspaceProperties settings;
    private final Map<WorkspaceId, Semaphore> turns = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, DuckDbSandbox> open = new ConcurrentHashMap<>();
    private final Map<UserId, AtomicInteger> perUser = new ConcurrentHashMap<>();

    Sessions(WorkspaceProperties settings) {
        this.settings = settings;
    }

    public WorkspaceDirectory directory(WorkspaceId id) {
        return new WorkspaceDirectory(settings.dir().resolve(id.toString()));
    }

    /** Limits of a session whose previews hold at most {@code previewRows} rows. */
    public SandboxLimits limits(int previewRows) {
        return new SandboxLimits(settings.memoryLimit(), settings.threads(), settings.statementTimeout(), previewRows,
                settings.spillLimit(), settings.scratchBytes());
    }

    /**
     * Runs {@code work} in a session of the workspace; {@code wait}: wait for the workspace's turn instead of
     * refusing when it is busy. {@code user} empty: Guichet itself (output control), not counted per user.
     */
    public <T> T run(WorkspaceId id, Path extract, Optional<UserId> user, SandboxLimits limits, boolean wait,
            Function<DuckDbSandbox, T> work) {
        user.ifPresent(this::enterUser);
        Semaphore turn = turns.computeIfAbsent(id, k -> new Semaphore(1));
        try {
            acquire(turn, wait);
            try (DuckDbSandbox session = directory(id).open(extract, limits)) {
                open.put(id, session);
                try {
                    return work.apply(session);
                } finally {
                    open.remove(id);
                }
            } finally {
                turn.release();
            }
        } finally {
            user.ifPresent(u -> perUser.get(u).decrementAndGet());
        }
    }

    private void enterUser(UserId user) {
        AtomicInteger running = perUser.computeIfAbsent(user, k -> new AtomicInteger());
        if (running.incrementAndGet() > settings.concurrentQueriesPerUser()) {
            running.decrementAndGet();
            throw new ConflictException("workspace.too_many_queries",
                    "You already run " + settings.concurrentQueriesPerUser() + " queries; wait for one to end.");
        }
    }

    private static void acquire(Semaphore turn, boolean wait) {
        if (!wait) {
            if (!turn.tryAcquire()) {
                throw new ConflictException("workspace.busy",
                        "A query or job is running in this workspace; try again when it ends, or cancel it.");
            }
            return;
        }
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the workspace", e);
        }
    }

    /** Cancels the statement running in the workspace, if any; whether one was running. */
    public boolean cancel(WorkspaceId id) {
        DuckDbSandbox session = open.get(id);
        if (session != null) {
            session.cancel();
        }
        return session != null;
    }

    /** Deletes the workspace's files (its extract copy, scratch tables, spill files). */
    public void deleteFiles(WorkspaceId id) {
        directory(id).deleteAll();
    }
}
