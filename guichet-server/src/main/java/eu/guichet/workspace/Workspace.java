package eu.guichet.workspace;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import eu.guichet.access.PermitId;
import eu.guichet.security.UserId;

/**
 * A permit's workspace as it stands.
 *
 * @param members        the permit's authorised persons (its newest version's)
 * @param extractVersion the permit version of the newest extract attached; 0 while none is ready
 * @param lockReason     REVOKED or EXPIRED once locked
 */
public record Workspace(WorkspaceId id, PermitId permitId, WorkspaceStatus status, Set<UserId> members,
        Optional<Instant> validUntil, int extractVersion, Optional<String> extractId, Instant createdAt,
        Instant updatedAt, Optional<Instant> lockedAt, Optional<String> lockReason) {

    public Workspace {
        members = Set.copyOf(members);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }
}
