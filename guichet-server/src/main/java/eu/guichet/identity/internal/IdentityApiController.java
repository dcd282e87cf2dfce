package eu.guichet.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewAccount;
import eu.guichet.identity.NewOrganisation;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.UserAccount;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/** REST API of the identity module. */
@RestController
@RequestMapping("/api")
class IdentityApiController {

    private final IdentityManagement identity;

    IdentityApiController(IdentityManagement identity) {
        this.identity = identity;
    }

    /** The caller: who they are, their organisation and roles. */
    @GetMapping("/me")
    @AllowAuthenticated
    Me me(CurrentUser caller) {
        return new Me(caller.id(), caller.username(), caller.displayName(),
                caller.organisationId().flatMap(identity::findOrganisation), caller.roles());
    }

    record Me(UserId id, String username, String displayName, Optional<Organisation> organisation, Set<Role> roles) {
    }

    @GetMapping("/organisations")
    @AllowRoles({ Role.HDAB_ADMIN, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.AUDITOR })
    List<Organisation> organisations() {
        return identity.listOrganisations();
    }

    @GetMapping("/organisations/{id}")
    @AllowAuthenticated
    Organisation organisation(@PathVariable UUID id, CurrentUser caller) {
        return identity.getOrganisation(new OrganisationId(id), caller);
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowRoles(Role.HDAB_ADMIN)
    Organisation createOrganisation(@Valid @RequestBody NewOrganisation request) {
        return identity.createOrganisation(request);
    }

    /** Members of an organisation: its own members, and HDAB staff, may list them. */
    @GetMapping("/organisations/{id}/users")
    @AllowAuthenticated
    List<UserAccount> organisationUsers(@PathVariable UUID id, CurrentUser caller) {
        OrganisationId organisation = new OrganisationId(id);
        identity.getOrganisation(organisation, caller);
        return identity.listUsers(Optional.of(organisation));
    }

    @GetMapping("/users")
    @AllowRoles(Role.HDAB_ADMIN)
    List<UserAccount> users(@RequestParam Optional<UUID> organisation) {
        return identity.listUsers(organisation.map(OrganisationId::new));
    }

    @GetMapping("/users/{id}")
    @AllowRoles({ Role.HDAB_ADMIN, Role.AUDITOR })
    UserAccount user(@PathVariable UUID id) {
        return identity.getUser(new UserId(id));
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @AllowRoles(Role.HDAB_ADMIN)
    UserAccount createUser(@Valid @RequestBody NewAccount request) {
        return identity.createLocalAccount(request);
    }

    @PutMapping("/users/{id}/roles")
    @AllowRoles(Role.HDAB_ADMIN)
    UserAccount changeRoles(@PathVariable UUID id, @Valid @RequestBody RolesChange change, CurrentUser caller) {
        return identity.changeRoles(new UserId(id), EnumSet.copyOf(change.roles()), caller);
    }

    record RolesChange(@NotEmpty Set<@NotNull Role> roles) {
    }
}
