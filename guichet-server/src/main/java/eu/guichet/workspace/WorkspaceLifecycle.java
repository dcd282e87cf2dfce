package eu.guichet.workspace;

import static eu.guichet.workspace.WorkspaceStatus.DELETED;
import static eu.guichet.workspace.WorkspaceStatus.LOCKED;
import static eu.guichet.workspace.WorkspaceStatus.OPEN;
import static eu.guichet.workspace.WorkspaceStatus.PENDING;

import java.util.List;

/**
 * The allowed moves of a workspace, as one table; every move is made by Guichet on an event or a sweep, and audited.
 * docs/reference/workspace-lifecycle.md lists it.
 */
public final class WorkspaceLifecycle {

    /** One allowed move, the audit action that records it and what triggers it. */
    public record Move(WorkspaceStatus from, WorkspaceStatus to, String action, String trigger) {
    }

    private static final List<Move> MOVES = List.of(
            new Move(PENDING, OPEN, "workspace.opened", "the permit is granted and its extract is ready"),
            new Move(PENDING, LOCKED, "workspace.locked", "the permit is revoked or expires before its extract"),
            new Move(OPEN, LOCKED, "workspace.locked", "the permit is revoked or expires"),
            new Move(LOCKED, DELETED, "workspace.deleted", "the retention period after the lock has passed"));

    private WorkspaceLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    public static boolean allows(WorkspaceStatus from, WorkspaceStatus to) {
        return MOVES.stream().anyMatch(m -> m.from() == from && m.to() == to);
    }

    public static Move move(WorkspaceStatus from, WorkspaceStatus to) {
        return MOVES.stream().filter(m -> m.from() == from && m.to() == to).findFirst()
                .orElseThrow(() -> new IllegalStateException("No move " + from + " -> " + to));
    }
}
