package eu.guichet.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.ApplicationForm.RequestedDataset;
import eu.guichet.access.ApplicationForm.RequestedVariable;
import eu.guichet.access.ApplicationLifecycle.Actor;
import eu.guichet.access.ApplicationLifecycle.Move;
import eu.guichet.access.ScreeningFinding.Severity;
import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.catalogue.Basket;
import eu.guichet.catalogue.BasketItem;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The applicant's side of the procedure: write an application or a data request (from the basket or from scratch),
 * save it, submit it — which runs the {@link Screening} and starts the right statutory clock — answer the HDAB,
 * withdraw. The HDAB's side is {@link ApplicationReview}.
 */
@Service
public class ApplicationManagement {

    private final ApplicationRepository repository;
    private final ApplicationMoves moves;
    private final StatutoryClocks clocks;
    private final IdentityManagement identity;
    private final CatalogueManagement catalogue;
    private final Basket basket;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    ApplicationManagement(ApplicationRepository repository, ApplicationMoves moves, StatutoryClocks clocks,
            IdentityManagement identity, CatalogueManagement catalogue, Basket basket, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.moves = moves;
        this.clocks = clocks;
        this.identity = identity;
        this.catalogue = catalogue;
        this.basket = basket;
        this.audit = audit;
        this.events = events;
    }

    // --- reading ---------------------------------------------------------------------------------------------------

    /** The application, if the caller may see it (its applicant and team, HDAB staff); otherwise 404. */
    public Application getApplication(ApplicationId id, CurrentUser caller) {
        return repository.find(id).filter(a -> canView(caller, a)).orElseThrow(() -> notFound(id));
    }

    public List<Application> listOwnApplications(CurrentUser caller) {
        return repository.ownedBy(caller.id());
    }

    public boolean canView(CurrentUser caller, Application a) {
        return a.isOwnedBy(caller.id()) || isTeamMember(caller, a) || caller.hasRole(Role.HDAB_REVIEWER)
                || caller.hasRole(Role.HDAB_DECIDER) || caller.hasRole(Role.HDAB_ANALYST)
                || caller.hasRole(Role.HDAB_ADMIN) || caller.hasRole(Role.AUDITOR);
    }

    public List<StatusChange> history(ApplicationId id, CurrentUser caller) {
        getApplication(id, caller);
        return repository.history(id);
    }

    public List<ApplicationMessage> messages(ApplicationId id, CurrentUser caller) {
        getApplication(id, caller);
        return repository.messages(id);
    }

    public Optional<Decision> decision(ApplicationId id, CurrentUser caller) {
        getApplication(id, caller);
        return repository.decision(id);
    }

    // --- writing ---------------------------------------------------------------------------------------------------

    /** A new draft by an applicant of an organisation. */
    @Transactional
    public Application create(ApplicationKind kind, ApplicationForm form, CurrentUser caller) {
        var organisation = caller.organisationId().orElseThrow(() -> new AccessDenied("access.no_organisation",
                "Only a member of an organisation may apply; ask the HDAB to attach your account to yours."));
        checkDatasets(form);
        var now = moves.now();
        Application draft = new Application(ApplicationId.random(), kind, ApplicationStatus.DRAFT, caller.id(),
                organisation, form, List.of(), 1, false, Optional.empty(), Optional.empty(), Optional.empty(), now,
                now, Optional.empty(), Optional.empty());
        repository.insert(draft);
        audit.record(AuditRecord.success("access.application_created", "application", draft.id())
                .with("kind", kind).with("datasets", form.datasets().size()));
        return draft;
    }

    /** A new draft with the datasets and chosen variables of the caller's basket, which they leave. */
    @Transactional
    public Application createFromBasket(ApplicationKind kind, CurrentUser caller) {
        List<BasketItem> items = basket.items(caller);
        if (items.isEmpty()) {
            throw new ValidationException("access.basket_empty", "Your basket is empty: add datasets first.");
        }
        List<RequestedDataset> datasets = items.stream().map(i -> new RequestedDataset(i.datasetId(),
                i.identifier(), i.variables().stream().map(v -> new RequestedVariable(v, null)).toList())).toList();
        Application created = create(kind, ApplicationForm.startingWith(datasets), caller);
        items.forEach(i -> basket.remove(caller, i.datasetId()));
        return created;
    }

    /** Saves the form; {@code expectedRevision} is the revision the caller edited (409 if another save came first). */
    @Transactional
    public Application update(ApplicationId id, ApplicationForm form, int expectedRevision, CurrentUser caller) {
        Application current = repository.findForUpdate(id).filter(a -> canView(caller, a))
                .orElseThrow(() -> notFound(id));
        checkOwner(caller, current);
        if (current.status() != ApplicationStatus.DRAFT
                && current.status() != ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION) {
            throw new InvalidTransitionException("access.not_editable", "A " + current.status()
                    + " application cannot be edited; after a permit, ask for an amendment.");
        }
        checkDatasets(form);
        if (!repository.updateForm(id, form, expectedRevision, moves.now())) {
            throw new ConflictException("access.stale_revision",
                    "Someone saved this application after you opened it; reload it and apply your changes again.");
        }
        audit.record(AuditRecord.success("access.application_saved", "application", id)
                .with("revision", expectedRevision + 1));
        return repository.find(id).orElseThrow();
    }

    /**
     * Submits (or resubmits) the application and screens it at once. Complete and allowed: PRE_SCREENING and the
     * decision clock starts (accelerated for public bodies with a public-health mandate and purposes (a)–(c); the data
     * request period for a data request). Otherwise AWAITING_ADDITIONAL_INFORMATION with the findings; the 4-week
     * completion clock starts the first time only (an application is returned once).
     */
    @Transactional
    public Application submit(ApplicationId id, CurrentUser caller) {
        Application current = repository.findForUpdate(id).filter(a -> canView(caller, a))
                .orElseThrow(() -> notFound(id));
        Move submit = moves.find(current, "submit", actorOf(caller, current));
        boolean firstReception = current.submittedAt().isEmpty();
        Application submitted = moves.apply(current, submit, Optional.of(caller.id()), null, a -> a);
        Organisation organisation = identity.findOrganisation(current.organisation()).orElseThrow();
        List<ScreeningFinding> findings = new ArrayList<>(
                Screening.screen(current.kind(), current.form(), organisation.type()));
        findings.addAll(unknownTeamMembers(current.form()));
        if (firstReception) {
            events.publishEvent(new ApplicationReceived(id, current.kind(), current.organisation(),
                    current.form().title(), current.form().purposes(),
                    current.form().datasets().stream().map(RequestedDataset::datasetId).toList(),
                    submitted.submittedAt().orElseThrow()));
        }
        if (Screening.blocks(findings)) {
            return moves.system(submitted, "return_incomplete", a -> {
                Application returned = a.withFindings(findings);
                return current.returned() ? returned.withClock(current.clock())
                        : returned.markedReturned().withClock(Optional.of(clocks.start(StatutoryPeriod.COMPLETION)));
            });
        }
        StatutoryPeriod period = decisionPeriod(current, organisation);
        return moves.system(submitted, "screen",
                a -> a.withFindings(findings).withClock(Optional.of(clocks.start(period))));
    }

    /** Withdraws the application (only costs already incurred are charged, Art. 62). */
    @Transactional
    public Application withdraw(ApplicationId id, CurrentUser caller) {
        Application current = repository.findForUpdate(id).filter(a -> canView(caller, a))
                .orElseThrow(() -> notFound(id));
        Move move = moves.find(current, "withdraw", actorOf(caller, current));
        return moves.apply(current, move, Optional.of(caller.id()), null, a -> a.withClock(Optional.empty()));
    }

    /** The applicant answers the HDAB's question; the assessment resumes (and its clock, if it was stopped). */
    @Transactional
    public Application answer(ApplicationId id, String answer, CurrentUser caller) {
        Application current = repository.findForUpdate(id).filter(a -> canView(caller, a))
                .orElseThrow(() -> notFound(id));
        Move move = moves.find(current, "answer", actorOf(caller, current));
        Application next = moves.apply(current, move, Optional.of(caller.id()), answer,
                a -> a.withClock(a.clock().filter(StatutoryClock::isStopped).map(c -> c.resume(moves.now()))
                        .or(a::clock)));
        repository.addMessage(id, caller.id(), false, answer.strip(), moves.now());
        return next;
    }

    /** A message from the applicant or the HDAB about the application. */
    @Transactional
    public ApplicationMessage sendMessage(ApplicationId id, String body, CurrentUser caller) {
        Application current = getApplication(id, caller);
        if (body == null || body.isBlank()) {
            throw new ValidationException("access.message_empty", "Write a message.",
                    List.of(new ValidationException.FieldError("body", "required")));
        }
        boolean fromHdab = !current.isOwnedBy(caller.id()) && caller.isHdabStaff();
        if (!fromHdab && !current.isOwnedBy(caller.id()) && !isTeamMember(caller, current)) {
            throw new AccessDenied("access.message_not_yours", "Only the applicant and the HDAB write here.");
        }
        repository.addMessage(id, caller.id(), fromHdab, body.strip(), moves.now());
        audit.record(AuditRecord.success("access.application_message_sent", "application", id)
                .with("fromHdab", fromHdab));
        List<ApplicationMessage> all = repository.messages(id);
        return all.get(all.size() - 1);
    }

    // --- rules -----------------------------------------------------------------------------------------------------

    static StatutoryPeriod decisionPeriod(Application a, Organisation organisation) {
        if (a.kind() == ApplicationKind.DATA_REQUEST) {
            return StatutoryPeriod.DATA_REQUEST;
        }
        boolean publicHealthPurposesOnly = !a.form().purposes().isEmpty()
                && a.form().purposes().stream().allMatch(Purpose::isReservedToPublicSector);
        return organisation.type().isPublicSector() && organisation.publicHealthMandate() && publicHealthPurposesOnly
                ? StatutoryPeriod.ACCELERATED_DECISION : StatutoryPeriod.DECISION;
    }

    private List<ScreeningFinding> unknownTeamMembers(ApplicationForm form) {
        return form.team().stream().filter(m -> m.username() != null)
                .filter(m -> identity.findUserByUsername(m.username()).isEmpty())
                .map(m -> new ScreeningFinding("unknown_team_member", "team", Severity.INCOMPLETE,
                        "EHDS Art. 67(2)(a)"))
                .distinct().toList();
    }

    private void checkDatasets(ApplicationForm form) {
        List<ValidationException.FieldError> errors = new ArrayList<>();
        for (RequestedDataset d : form.datasets()) {
            if (catalogue.findPublished(d.datasetId()).isEmpty()) {
                errors.add(new ValidationException.FieldError("datasets", "no published dataset " + d.datasetId()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException("access.unknown_dataset",
                    "An application asks only for published datasets of the catalogue.", errors);
        }
    }

    private static boolean isTeamMember(CurrentUser caller, Application a) {
        return a.form().team().stream().anyMatch(m -> caller.username().equals(m.username()));
    }

    private static void checkOwner(CurrentUser caller, Application a) {
        if (!a.isOwnedBy(caller.id())) {
            throw new AccessDenied("access.not_applicant", "Only the applicant who wrote it may change it.");
        }
    }

    private static Optional<Actor> actorOf(CurrentUser caller, Application a) {
        return a.isOwnedBy(caller.id()) ? Optional.of(Actor.APPLICANT) : Optional.empty();
    }

    static NotFoundException notFound(ApplicationId id) {
        return new NotFoundException("access.application_not_found", "No application " + id + " that you may see.");
    }

    static List<DatasetId> datasetIds(Application a) {
        return a.form().datasets().stream().map(RequestedDataset::datasetId).toList();
    }
}
