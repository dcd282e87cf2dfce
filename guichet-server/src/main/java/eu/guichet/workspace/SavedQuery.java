package eu.guichet.workspace;

import java.time.Instant;
import java.util.UUID;

import eu.guichet.security.UserId;

/**
 * A named query kept in a workspace: its members run it again from the console, and output control re-runs it
 * against the underlying rows ({@link Workspaces#runForDisclosure}).
 */
public record SavedQuery(UUID id, WorkspaceId workspaceId, String name, String sql, UserId createdBy,
        Instant createdAt, Instant updatedAt) {
}
