package eu.guichet.identity.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.UserAccessChanged;
import eu.guichet.identity.UserAccount;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/**
 * Accounts of people who sign in through OpenID Connect: created at first sign-in, keyed by (issuer, subject);
 * roles and organisation follow the provider's claims at every sign-in (the provider is the source of truth).
 */
class OidcAccounts {

    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

    private final IdentityRepository repository;
    private final IdentityProperties.Oidc mapping;
    private final AuditTrail audit;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    OidcAccounts(IdentityRepository repository, IdentityProperties properties, AuditTrail audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.mapping = properties.oidc();
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    CurrentUser signIn(String issuer, String subject, Map<String, Object> claims) {
        Set<Role> roles = rolesFrom(claims);
        Optional<OrganisationId> organisation = stringClaim(claims, mapping.organisationClaim())
                .flatMap(repository::findOrganisationByIdentifier)
                .map(Organisation::id);
        Optional<UserAccount> existing = repository.findUserByOidcSubject(issuer, subject);
        if (existing.isEmpty()) {
            UserAccount created = new UserAccount(UserId.random(), freeUsername(claims, subject),
                    stringClaim(claims, "name").orElse(stringClaim(claims, mapping.usernameClaim()).orElse(subject)),
                    stringClaim(claims, "email").orElse(null), organisation, roles, true, false, clock.instant());
            repository.insertUser(created, null, issuer, subject);
            audit.record(AuditRecord.success("identity.user_provisioned", "user", created.id())
                    .with("issuer", issuer).with("roles", Role.list(roles)).by(created.username()));
            synchroniseNationalId(created, roles, claims);
            return LocalAccounts.toCurrentUser(created);
        }
        UserAccount account = existing.get();
        if (!account.organisationId().equals(organisation) || !account.roles().equals(roles)) {
            events.publishEvent(new UserAccessChanged(account.id(), account.username()));
        }
        if (!account.organisationId().equals(organisation)) {
            repository.updateOrganisation(account.id(), organisation);
            audit.record(AuditRecord.success("identity.organisation_synchronised", "user", account.id())
                    .with("from", account.organisationId().map(Object::toString).orElse("-"))
                    .with("to", organisation.map(Object::toString).orElse("-")).by(account.username()));
        }
        if (!account.roles().equals(roles)) {
            repository.replaceRoles(account.id(), roles);
            audit.record(AuditRecord.success("identity.roles_synchronised", "user", account.id())
                    .with("from", Role.list(account.roles())).with("to", Role.list(roles)).by(account.username()));
        }
        synchroniseNationalId(account, roles, claims);
        return new CurrentUser(account.id(), account.username(), account.displayName(), organisation, roles);
    }

    /**
     * Keeps a citizen's national identifier as the provider sends it (claim {@code national-id-claim}), for the
     * opt-out pseudonym only. Audited without the value; nothing is logged.
     */
    private void synchroniseNationalId(UserAccount account, Set<Role> roles, Map<String, Object> claims) {
        if (mapping.nationalIdClaim().isBlank() || !roles.contains(Role.CITIZEN)) {
            return;
        }
        Optional<String> claimed = stringClaim(claims, mapping.nationalIdClaim()).map(String::strip);
        if (claimed.isPresent() && !claimed.equals(repository.findNationalId(account.id()))) {
            repository.updateNationalId(account.id(), claimed.get());
            audit.record(AuditRecord.success("identity.national_identifier_synchronised", "user", account.id())
                    .by(account.username()));
        }
    }

    Set<Role> rolesFrom(Map<String, Object> claims) {
        Object value = claims;
        for (String part : mapping.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                String name = String.valueOf(v);
                Role mapped = mapping.roleMapping().get(name);
                if (mapped != null) {
                    roles.add(mapped);
                } else {
                    try {
                        roles.add(Role.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_')));
                    } catch (IllegalArgumentException unknown) {
                        log.debug("Ignoring unmapped role claim value");
                    }
                }
            }
        }
        return roles;
    }

    private String freeUsername(Map<String, Object> claims, String subject) {
        String wanted = stringClaim(claims, mapping.usernameClaim()).orElse(subject).toLowerCase(Locale.ROOT);
        String candidate = wanted;
        for (int i = 2; repository.findUserByUsername(candidate).isPresent(); i++) {
            candidate = wanted + "-" + i;
        }
        return candidate;
    }

    private static Optional<String> stringClaim(Map<String, Object> claims, String name) {
        return Optional.ofNullable(claims.get(name)).map(String::valueOf).filter(s -> !s.isBlank());
    }
}
