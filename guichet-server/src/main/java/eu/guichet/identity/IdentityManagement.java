package eu.guichet.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.identity.internal.IdentityRepository;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/**
 * The identity module's API: organisations and accounts, with their object-level rules. Every change is audited in
 * the transaction that makes it.
 */
@Service
public class IdentityManagement {

    private final IdentityRepository repository;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final SignInMethods signInMethods;
    private final ApplicationEventPublisher events;

    IdentityManagement(IdentityRepository repository, PasswordEncoder passwords, AuditTrail audit, Clock clock,
            SignInMethods signInMethods, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.signInMethods = signInMethods;
    }

    // --- organisations -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Organisation> listOrganisations() {
        return repository.listOrganisations();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findOrganisation(OrganisationId id) {
        return repository.findOrganisation(id);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findOrganisationByName(String name) {
        return repository.findOrganisationByName(name);
    }

    /** One organisation, as the caller may see it: HDAB staff see all, others only their own. */
    @Transactional(readOnly = true)
    public Organisation getOrganisation(OrganisationId id, CurrentUser caller) {
        checkCanView(caller, id);
        return repository.findOrganisation(id).orElseThrow(() -> organisationNotFound(id));
    }

    public boolean canView(CurrentUser caller, OrganisationId organisation) {
        return caller.isHdabStaff() || caller.belongsTo(organisation);
    }

    public void checkCanView(CurrentUser caller, OrganisationId organisation) {
        if (!canView(caller, organisation)) {
            throw new AccessDenied("identity.organisation_not_yours",
                    "This organisation is not yours.");
        }
    }

    @Transactional
    public Organisation createOrganisation(NewOrganisation request) {
        String name = request.name().strip();
        if (repository.findOrganisationByName(name).isPresent()) {
            throw new ConflictException("identity.organisation_exists", "An organisation with this name exists.");
        }
        String identifier = blankToNull(request.identifier());
        if (identifier != null && repository.findOrganisationByIdentifier(identifier).isPresent()) {
            throw new ConflictException("identity.organisation_exists",
                    "An organisation with this identifier exists.");
        }
        Organisation organisation = new Organisation(OrganisationId.random(), name, request.type(),
                identifier, request.country() == null ? "FR" : request.country(), request.hasPublicHealthMandate(),
                clock.instant());
        repository.insert(organisation);
        audit.record(AuditRecord.success("identity.organisation_created", "organisation", organisation.id())
                .with("type", organisation.type()));
        return organisation;
    }

    // --- accounts ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<UserAccount> listUsers(Optional<OrganisationId> organisation) {
        return repository.listUsers(organisation);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findUser(UserId id) {
        return repository.findUser(id);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findUserByUsername(String username) {
        return repository.findUserByUsername(username);
    }

    @Transactional(readOnly = true)
    public UserAccount getUser(UserId id) {
        return repository.findUser(id)
                .orElseThrow(() -> new NotFoundException("identity.user_not_found", "No user " + id + "."));
    }

    /** Creates a local (password) account, where this deployment has local accounts (embedded/demo mode). */
    @Transactional
    public UserAccount createLocalAccount(NewAccount request) {
        if (!signInMethods.localAccounts()) {
            throw new NotFoundException("identity.local_accounts_disabled",
                    "Local accounts are disabled: people sign in through the identity provider.");
        }
        PasswordPolicy.check(request.password());
        if (repository.findUserByUsername(request.username()).isPresent()) {
            throw new ConflictException("identity.username_taken", "This username is taken.");
        }
        Optional<OrganisationId> organisation = Optional.ofNullable(request.organisationId())
                .map(OrganisationId::new);
        organisation.ifPresent(id -> repository.findOrganisation(id).orElseThrow(() -> organisationNotFound(id)));
        checkRolesFitOrganisation(request.roles(), organisation);
        UserAccount account = new UserAccount(UserId.random(), request.username(), request.displayName().strip(),
                blankToNull(request.email()), organisation, EnumSet.copyOf(request.roles()), true, true,
                clock.instant());
        repository.insertUser(account, passwords.encode(request.password()), null, null);
        audit.record(AuditRecord.success("identity.user_created", "user", account.id())
                .with("roles", Role.list(account.roles())));
        return account;
    }

    /** Sets the roles of a user. Nobody changes their own roles (separation of duties). */
    @Transactional
    public UserAccount changeRoles(UserId id, Set<Role> roles, CurrentUser caller) {
        if (caller.id().equals(id)) {
            throw new AccessDenied("identity.own_roles", "Nobody may change their own roles.");
        }
        UserAccount account = getUser(id);
        if (roles.isEmpty()) {
            throw new ValidationException("identity.roles_empty", "A user needs at least one role.");
        }
        checkRolesFitOrganisation(roles, account.organisationId());
        repository.replaceRoles(id, roles);
        events.publishEvent(new UserAccessChanged(id, account.username()));
        audit.record(AuditRecord.success("identity.roles_changed", "user", id)
                .with("from", Role.list(account.roles())).with("to", Role.list(roles)));
        return getUser(id);
    }

    /** Sets a local account's password (administrators; the demo start). */
    @Transactional
    public void setPassword(UserId id, String password) {
        PasswordPolicy.check(password);
        getUser(id);
        repository.updatePasswordHash(id, passwords.encode(password));
        audit.record(AuditRecord.success("identity.password_set", "user", id));
    }

    /**
     * The national identifier of a citizen's account (in production from the identity provider's claim
     * {@code guichet.identity.oidc.national-id-claim}; in demo a synthetic one). For the opt-out module only, which
     * turns it into the opt-out pseudonym at once: never store it elsewhere, log it, or show it.
     */
    @Transactional(readOnly = true)
    public Optional<String> findNationalIdentifier(UserId id) {
        return repository.findNationalId(id);
    }

    /** Records the national identifier of a citizen's account (the demo start, tests). Audited without the value. */
    @Transactional
    public void setNationalIdentifier(UserId id, String nationalIdentifier) {
        UserAccount account = getUser(id);
        if (!account.roles().contains(Role.CITIZEN)) {
            throw new ValidationException("identity.national_identifier_citizens_only",
                    "Only citizen accounts carry a national identifier.");
        }
        String value = blankToNull(nationalIdentifier);
        if (value == null) {
            throw new ValidationException("identity.national_identifier_blank", "The national identifier is empty.");
        }
        repository.updateNationalId(id, value);
        audit.record(AuditRecord.success("identity.national_identifier_set", "user", id));
    }

    private void checkRolesFitOrganisation(Set<Role> roles, Optional<OrganisationId> organisation) {
        Optional<OrganisationType> type = organisation.flatMap(repository::findOrganisation).map(Organisation::type);
        boolean staff = roles.stream().anyMatch(Role::isHdabStaff);
        if (staff && type.filter(t -> t == OrganisationType.HDAB).isEmpty()) {
            throw new ValidationException("identity.staff_outside_hdab",
                    "HDAB roles belong to accounts of the HDAB organisation.",
                    List.of(new ValidationException.FieldError("roles", "HDAB roles need the HDAB organisation")));
        }
        if (roles.contains(Role.DATA_HOLDER) && type.filter(t -> t == OrganisationType.DATA_HOLDER).isEmpty()) {
            throw new ValidationException("identity.holder_outside_data_holder",
                    "The DATA_HOLDER role belongs to accounts of a data holder organisation.",
                    List.of(new ValidationException.FieldError("roles", "DATA_HOLDER needs a data holder organisation")));
        }
    }

    private static NotFoundException organisationNotFound(OrganisationId id) {
        return new NotFoundException("identity.organisation_not_found", "No organisation " + id + ".");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
