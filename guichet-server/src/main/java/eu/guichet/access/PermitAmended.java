package eu.guichet.access;

import java.time.Instant;
import java.util.Set;

import eu.guichet.security.UserId;

/** A permit was amended (Art. 68(12)): a new version with its own scope and members; older versions are archived. */
public record PermitAmended(PermitId permitId, int version, PermitScope scope, Set<UserId> members,
        Instant amendedAt) {
}
