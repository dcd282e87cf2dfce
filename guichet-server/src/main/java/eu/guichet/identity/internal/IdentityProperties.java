package eu.guichet.identity.internal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import eu.guichet.security.Role;

/**
 * How people sign in.
 *
 * @param localAccounts  password accounts stored in Guichet (form login, HTTP Basic on the API): the embedded/demo
 *                       mode. Off in production, where everyone signs in through OpenID Connect.
 * @param oidc           how claims of the identity provider map to Guichet accounts
 */
@Validated
@ConfigurationProperties("guichet.identity")
public record IdentityProperties(@DefaultValue("false") boolean localAccounts, @DefaultValue Oidc oidc) {

    /**
     * @param rolesClaim         claim holding the roles, dotted for nested ones (Keycloak: {@code realm_access.roles})
     * @param roleMapping        claim value → role; values equal to a role name (any case) map without an entry
     * @param organisationClaim  claim holding the organisation's registration number (SIREN...)
     * @param usernameClaim      claim used as the username at first sign-in
     * @param nationalIdClaim    claim holding a citizen's national identifier (NIR/INS), read for accounts with the
     *                           CITIZEN role only and used only to compute their opt-out pseudonym; empty (the
     *                           default) reads none, so citizens cannot opt out online until the provider sends it
     */
    public record Oidc(@DefaultValue("roles") String rolesClaim, @DefaultValue Map<String, Role> roleMapping,
            @DefaultValue("organisation") String organisationClaim,
            @DefaultValue("preferred_username") String usernameClaim, @DefaultValue("") String nationalIdClaim) {
    }
}
