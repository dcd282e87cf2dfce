package eu.guichet.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.ApplicationForm.TeamMember;
import eu.guichet.access.PermitScope.ScopedDataset;
import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.access.internal.PermitRepository;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * Data permits (EHDS Art. 68): issued by a grant ({@link ApplicationReview#decide}), then amended (new version, old
 * ones archived), extended once when the user asked at least one month before expiry, revoked with reasons, expired
 * by Guichet at the end of their validity. Each change publishes its event for the data plane and the workspace.
 */
@Service
public class PermitManagement {

    /** French profile: counts under 11 are never shown; the default minimum k of an anonymised extract. */
    static final int DEFAULT_MINIMUM_K = 11;

    private final PermitRepository repository;
    private final ApplicationRepository applications;
    private final IdentityManagement identity;
    private final ApplicationScopes scopes;
    private final StatutoryClocks clocks;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    PermitManagement(PermitRepository repository, ApplicationRepository applications, IdentityManagement identity,
            ApplicationScopes scopes, StatutoryClocks clocks, AuditTrail audit, ApplicationEventPublisher events,
            java.time.Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.identity = identity;
        this.scopes = scopes;
        this.clocks = clocks;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** The permit, if the caller may see it (its members, the applicant, HDAB staff); otherwise 404. */
    public Permit getPermit(PermitId id, CurrentUser caller) {
        return repository.find(id).filter(p -> canView(caller, p)).orElseThrow(() -> notFound(id));
    }

    public Optional<Permit> findPermitOf(ApplicationId application) {
        return repository.findByApplication(application);
    }

    /** Permits naming the caller, or every permit for HDAB staff. */
    public List<Permit> listPermits(CurrentUser caller) {
        return caller.isHdabStaff() ? repository.all() : repository.naming(caller.id());
    }

    public List<PermitVersion> versions(PermitId id, CurrentUser caller) {
        getPermit(id, caller);
        return repository.versions(id);
    }

    public boolean canView(CurrentUser caller, Permit p) {
        return p.hasMember(caller.id()) || caller.isHdabStaff()
                || applications.find(p.applicationId()).map(a -> a.isOwnedBy(caller.id())).orElse(false);
    }

    // --- changes ---------------------------------------------------------------------------------------------------

    /** Issues the permit of a granted application (called by the decision, in its transaction). */
    Permit grant(Application application, DecisionRequest request, CurrentUser decider, Instant now) {
        ApplicationForm form = application.form();
        int months = Optional.ofNullable(request.durationMonths()).or(() -> Optional.ofNullable(
                form.processingMonths())).orElse(12);
        PermitScope scope = new PermitScope(scopes.datasets(form.datasets(), now), ApplicationScopes.period(form),
                form.population(), form.dataForm() == null ? DataForm.ANONYMISED : form.dataForm(),
                form.dataForm() == DataForm.PSEUDONYMISED ? Optional.empty()
                        : Optional.of(new PermitScope.Anonymisation(
                                Optional.ofNullable(request.minimumK()).orElse(DEFAULT_MINIMUM_K),
                                java.util.EnumSet.allOf(PermitScope.Generalisation.class))),
                form.optOutException() && request.optOutExceptionAccepted()
                        ? Optional.of(new PermitScope.OptOutException(form.optOutExceptionJustification()))
                        : Optional.empty());
        PermitTerms terms;
        try {
            terms = new PermitTerms(scope, form.purposes(), form.intendedUse(), members(form.team()), months,
                    request.speTools(), request.fees(), request.conditions());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("access.permit_terms_invalid", e.getMessage());
        }
        Permit permit = new Permit(PermitId.random(), application.id(), PermitStatus.GRANTED, 1, terms, now,
                plusMonths(now, months), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
        repository.insert(permit, decider.id());
        events.publishEvent(new PermitGranted(permit.id(), 1, application.id(), scope, terms.memberIds(),
                permit.validUntil(), now));
        audit.record(AuditRecord.success("access.permit_granted", "permit", permit.id())
                .with("application", application.id()).with("months", months)
                .with("members", terms.members().size()).with("datasets", scope.datasets().size()));
        return permit;
    }

    /** A new version of the permit; the reason is kept with it. */
    @Transactional
    public Permit amend(PermitId id, Amendment amendment, String reason, CurrentUser caller) {
        Permit current = lockForDecider(id, caller, "amend");
        requireReason(reason);
        Instant now = clock.instant();
        PermitScope scope = current.terms().scope();
        List<ScopedDataset> datasets = new ArrayList<>(scope.datasets());
        datasets.addAll(scopes.datasets(amendment.addedDatasets(), now));
        PermitScope newScope = new PermitScope(datasets, scope.period(), scope.population(), scope.form(),
                scope.anonymisation(), scope.optOutException());
        PermitTerms old = current.terms();
        PermitTerms terms;
        try {
            terms = new PermitTerms(newScope, old.purposes(), old.purposeDetail(),
                    amendment.members().isEmpty() ? old.members() : members(amendment.members()),
                    old.durationMonths(), old.speTools(), old.fees(),
                    amendment.conditions() == null ? old.conditions() : amendment.conditions().strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("access.permit_terms_invalid", e.getMessage());
        }
        Permit next = current.with(PermitStatus.AMENDED, current.version() + 1, terms);
        repository.insertVersion(id, next.version(), terms, reason.strip(), caller.id(), now);
        repository.update(next);
        events.publishEvent(new PermitAmended(id, next.version(), newScope, terms.memberIds(), now));
        audit.record(AuditRecord.success("access.permit_amended", "permit", id).with("version", next.version())
                .with("addedDatasets", amendment.addedDatasets().size()));
        return next;
    }

    /**
     * The extension: the applicant or the principal investigator asks for it (at least one month before expiry, once);
     * an HDAB decider then grants it for up to 10 years.
     */
    @Transactional
    public Permit extend(PermitId id, int months, String reason, CurrentUser caller) {
        Permit current = repository.findForUpdate(id).filter(p -> canView(caller, p)).orElseThrow(() -> notFound(id));
        if (PermitLifecycle.find(current.status(), "extend").isEmpty() || current.extended()) {
            throw new InvalidTransitionException("access.permit_not_extendable",
                    "A permit is extended once, while it is active (EHDS Art. 68(12)).");
        }
        if (months < 1 || months > 120) {
            throw new ValidationException("access.extension_length", "An extension lasts 1 to 120 months.",
                    List.of(new ValidationException.FieldError("months", "1 to 120")));
        }
        Instant now = clock.instant();
        if (!caller.hasRole(Role.HDAB_DECIDER)) {
            checkRequester(caller, current);
            if (!now.isBefore(minusMonths(current.validUntil(), 1))) {
                throw new InvalidTransitionException("access.extension_too_late",
                        "An extension is asked at least one month before the permit expires (EHDS Art. 68(12)).");
            }
            Permit asked = current.extensionRequestedAt(now, months);
            repository.update(asked);
            audit.record(AuditRecord.success("access.permit_extension_requested", "permit", id).with("months", months));
            return asked;
        }
        checkNotApplicantOrganisation(caller, current);
        if (current.extensionRequested().isEmpty()) {
            throw new InvalidTransitionException("access.extension_not_requested",
                    "The permit's holder has not asked for an extension.");
        }
        requireReason(reason);
        Permit extended = current.extendedUntil(plusMonths(current.validUntil(), months));
        repository.update(extended);
        events.publishEvent(new PermitExtended(id, extended.version(), extended.validUntil(), now));
        audit.record(AuditRecord.success("access.permit_extended", "permit", id).with("months", months));
        return extended;
    }

    /** Revokes the permit, with reasons (its workspace locks). */
    @Transactional
    public Permit revoke(PermitId id, String reason, CurrentUser caller) {
        Permit current = lockForDecider(id, caller, "revoke");
        requireReason(reason);
        Instant now = clock.instant();
        Permit revoked = current.closed(PermitStatus.REVOKED, Optional.of(reason.strip()), now);
        repository.update(revoked);
        events.publishEvent(new PermitRevoked(id, reason.strip(), now));
        audit.record(AuditRecord.success("access.permit_revoked", "permit", id));
        return revoked;
    }

    /** Expires every active permit whose validity has ended; returns how many. */
    @Transactional
    public int expireEnded() {
        Instant now = clock.instant();
        int expired = 0;
        for (PermitId id : repository.endedBefore(now)) {
            Permit current = repository.findForUpdate(id).orElseThrow();
            if (current.status().isActive()) {
                repository.update(current.closed(PermitStatus.EXPIRED, Optional.empty(), now));
                events.publishEvent(new PermitExpired(id, now));
                audit.record(AuditRecord.success("access.permit_expired", "permit", id).by("system"));
                expired++;
            }
        }
        return expired;
    }

    // --- rules -----------------------------------------------------------------------------------------------------

    private Permit lockForDecider(PermitId id, CurrentUser caller, String action) {
        Permit current = repository.findForUpdate(id).filter(p -> canView(caller, p)).orElseThrow(() -> notFound(id));
        if (!caller.hasRole(Role.HDAB_DECIDER)) {
            throw new AccessDenied("access.permit_decider_only", "Only an HDAB decider may " + action + " a permit.");
        }
        checkNotApplicantOrganisation(caller, current);
        if (PermitLifecycle.find(current.status(), action).isEmpty()) {
            throw new InvalidTransitionException("access.invalid_permit_transition",
                    "A " + current.status() + " permit cannot be '" + action + "'.");
        }
        return current;
    }

    private void checkNotApplicantOrganisation(CurrentUser caller, Permit p) {
        var application = applications.find(p.applicationId()).orElseThrow();
        if (application.isOwnedBy(caller.id()) || caller.belongsTo(application.organisation())) {
            throw new AccessDenied("access.own_organisation",
                    "HDAB staff do not decide on their own organisation's permits.");
        }
    }

    private void checkRequester(CurrentUser caller, Permit p) {
        boolean pi = p.terms().members().stream().anyMatch(m -> m.principalInvestigator()
                && m.userId().equals(caller.id()));
        boolean owner = applications.find(p.applicationId()).map(a -> a.isOwnedBy(caller.id())).orElse(false);
        if (!pi && !owner) {
            throw new AccessDenied("access.not_permit_holder",
                    "The applicant or the principal investigator asks for an extension.");
        }
    }

    private List<PermitTerms.Member> members(List<TeamMember> team) {
        return team.stream().map(m -> {
            UserAccount account = identity.findUserByUsername(m.username()).orElseThrow(() -> new ValidationException(
                    "access.unknown_team_member", "No account named " + m.username() + "; invite them first.",
                    List.of(new ValidationException.FieldError("team", m.username()))));
            return new PermitTerms.Member(account.id(), account.username(), m.function(), m.principalInvestigator());
        }).toList();
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("access.reason_required", "Say why: the permit's holder reads it.",
                    List.of(new ValidationException.FieldError("reason", "required")));
        }
    }

    private Instant plusMonths(Instant from, int months) {
        return from.atZone(clocks.settings().zone()).plusMonths(months).toInstant();
    }

    private Instant minusMonths(Instant from, int months) {
        return from.atZone(clocks.settings().zone()).minusMonths(months).toInstant();
    }

    static NotFoundException notFound(PermitId id) {
        return new NotFoundException("access.permit_not_found", "No permit " + id + " that you may see.");
    }
}
