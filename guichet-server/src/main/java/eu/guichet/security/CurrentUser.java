package eu.guichet.security;

import java.util.Optional;
import java.util.Set;

/**
 * The signed-in user of the current request, whatever the sign-in method (form, HTTP Basic, OpenID Connect,
 * bearer token). Controllers take it as a parameter.
 */
public record CurrentUser(UserId id, String username, String displayName, Optional<OrganisationId> organisationId,
        Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public boolean isHdabStaff() {
        return roles.stream().anyMatch(Role::isHdabStaff);
    }

    public boolean belongsTo(OrganisationId organisation) {
        return organisationId.map(organisation::equals).orElse(false);
    }
}
