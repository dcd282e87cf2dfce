package eu.guichet.identity;

import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A user account as HDAB administrators see it. Never exposes the password hash or a national identifier. */
public record UserAccount(UserId id, String username, String displayName, String email,
        Optional<OrganisationId> organisationId, Set<Role> roles, boolean enabled, boolean localAccount,
        Instant createdAt) {
}
