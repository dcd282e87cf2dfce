package eu.guichet.access;

import java.time.Instant;
import java.util.Set;

import eu.guichet.security.UserId;

/**
 * A permit was issued: the data plane prepares its extract, the workspace opens for its members. Carries ids and
 * the scope, never row data.
 *
 * @param members    the authorised persons, the principal investigator included
 * @param validUntil the permit ends at this instant (exclusive)
 */
public record PermitGranted(PermitId permitId, int version, ApplicationId applicationId, PermitScope scope,
        Set<UserId> members, Instant validUntil, Instant grantedAt) {
}
