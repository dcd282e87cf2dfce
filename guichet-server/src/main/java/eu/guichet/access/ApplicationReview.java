package eu.guichet.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.ApplicationLifecycle.Actor;
import eu.guichet.access.ApplicationLifecycle.Move;
import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.access.internal.AssessmentRecorded;
import eu.guichet.access.internal.DecisionDocuments;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The HDAB's side of the procedure: the queue sorted by due date; a reviewer accepts a complete application (or
 * returns it once as incomplete), assesses it, asks clarifications, extends the clock once with reasons; a decider —
 * never the reviewer who assessed it, never of the applicant's organisation — grants, refuses or offers a statistical
 * answer. Guichet closes as lapsed an application not completed within its 4 weeks.
 */
@Service
public class ApplicationReview {

    private static final List<ApplicationStatus> QUEUED = List.of(ApplicationStatus.PRE_SCREENING,
            ApplicationStatus.PROCESSING, ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION,
            ApplicationStatus.AWAITING_CLARIFICATION);

    private final ApplicationRepository repository;
    private final ApplicationMoves moves;
    private final ApplicationManagement applications;
    private final PermitManagement permits;
    private final DecisionDocuments documents;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final StatutoryClocks clocks;
    private final HolderRequests holderRequests;
    private final ApplicationFees fees;
    private final Clock clock;

    ApplicationReview(ApplicationRepository repository, ApplicationMoves moves, ApplicationManagement applications,
            PermitManagement permits, DecisionDocuments documents, AuditTrail audit,
            ApplicationEventPublisher events, StatutoryClocks clocks, HolderRequests holderRequests,
            ApplicationFees fees, Clock clock) {
        this.fees = fees;
        this.holderRequests = holderRequests;
        this.clocks = clocks;
        this.repository = repository;
        this.moves = moves;
        this.applications = applications;
        this.permits = permits;
        this.documents = documents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Open applications, the most urgent first (overdue ones at the top). */
    public List<QueueEntry> queue(CurrentUser caller) {
        return repository.inStatus(QUEUED).stream().map(this::entry)
                .sorted(Comparator.comparing((QueueEntry e) -> e.dueAt().orElse(Instant.MAX))).toList();
    }

    QueueEntry entry(Application a) {
        return new QueueEntry(a, a.clock().map(c -> c.dueAt(clock)), a.clock().map(c -> c.isOverdue(clock))
                .orElse(false), a.clock().map(c -> c.daysLeft(clock)).orElse(0L));
    }

    /**
     * A reviewer's or decider's move: {@code accept}, {@code request_information} (the once-only return as
     * incomplete, with reasons), {@code extend} (once, with reasons), {@code ask_clarification} (with the question).
     */
    @Transactional
    public Application transition(ApplicationId id, String action, String reason, CurrentUser caller) {
        Application current = lockVisible(id, caller);
        Move move = moves.find(current, action, actorOf(caller, current, action));
        Instant now = moves.now();
        Application next = switch (action) {
            case "accept" -> moves.apply(current, move, Optional.of(caller.id()), reason,
                    a -> a.acceptedBy(caller.id()));
            case "request_information" -> {
                if (current.returned()) {
                    throw new InvalidTransitionException("access.already_returned",
                            "An incomplete application is returned once only (EHDS Art. 68(4)); decide on it.");
                }
                yield moves.apply(current, move, Optional.of(caller.id()), reason, a -> a.markedReturned()
                        .withClock(Optional.of(clocks.start(StatutoryPeriod.COMPLETION))));
            }
            case "extend" -> moves.apply(current, move, Optional.of(caller.id()), reason,
                    a -> a.withClock(a.clock().map(c -> c.extend(reason, now))));
            case "ask_clarification" -> moves.apply(current, move, Optional.of(caller.id()), reason,
                    a -> a.withClock(a.clock().map(c -> c.period().clarificationsMayStop() ? c.stop(now) : c)));
            default -> throw new ValidationException("access.unknown_action", "No HDAB move named '" + action + "'.");
        };
        if (move.requiresReason()) {
            repository.addMessage(id, caller.id(), true, reason.strip(), now);
        }
        return next;
    }

    /** The reviewer who accepted the application records the assessment and a recommendation. */
    @Transactional
    public Application assess(ApplicationId id, Assessment.Draft draft, CurrentUser caller) {
        Application current = lockVisible(id, caller);
        if (current.status() != ApplicationStatus.PROCESSING) {
            throw new InvalidTransitionException("access.not_processing",
                    "Only an application being assessed (PROCESSING) takes an assessment.");
        }
        if (!current.acceptedBy().map(caller.id()::equals).orElse(false)) {
            throw new AccessDenied("access.not_assessor",
                    "The reviewer who accepted the application assesses it.");
        }
        Application next = current.withAssessment(draft.by(caller.id(), moves.now()));
        repository.updateState(next);
        events.publishEvent(new AssessmentRecorded(next));
        audit.record(AuditRecord.success("access.application_assessed", "application", id)
                .with("recommendation", draft.recommendation()));
        return next;
    }

    /**
     * The decision: grant (a permit, or for a data request the go-ahead for the statistical answer), refuse with a
     * justification, or offer an anonymised statistical answer instead (Art. 68(3)). The decision document's SHA-256
     * goes into the audit trail and the {@link DecisionIssued} event.
     */
    @Transactional
    public Decision decide(ApplicationId id, DecisionRequest request, CurrentUser caller) {
        Application current = lockVisible(id, caller);
        Move move = moves.find(current, "decide", actorOf(caller, current, "decide"));
        if (request.justification() == null || request.justification().isBlank()) {
            throw new ValidationException("access.justification_required",
                    "A decision states its reasons (EHDS Art. 68(9)); the register publishes them.",
                    List.of(new ValidationException.FieldError("justification", "required")));
        }
        Instant now = moves.now();
        DecisionRequest decided = request.fees() != null && !request.fees().isBlank() ? request
                : request.withFees("EUR " + fees.estimate(current).total().toPlainString()
                        + " (estimate given to the applicant, EHDS Art. 62)");
        Optional<Permit> permit = request.outcome() == DecisionOutcome.GRANTED
                && current.kind() == ApplicationKind.DATA_ACCESS
                        ? Optional.of(permits.grant(current, decided, caller, now)) : Optional.empty();
        String html = documents.render(current, decided, permit, caller, now);
        Decision decision = new Decision(id, request.outcome(), request.justification().strip(), caller.id(), now,
                html, DecisionDocuments.sha256(html));
        repository.insertDecision(decision);
        moves.apply(current, move, Optional.of(caller.id()), request.justification(),
                a -> a.withClock(Optional.empty()));
        permit.ifPresent(p -> holderRequests.requestData(current, p.id()));
        events.publishEvent(new DecisionIssued(id, decision.outcome(), decision.justification(),
                permit.map(Permit::id), decision.documentSha256(), now));
        audit.record(AuditRecord.success("access.decision_issued", "application", id)
                .with("outcome", decision.outcome()).with("sha256", decision.documentSha256())
                .with("permit", permit.map(p -> p.id().toString()).orElse("none")));
        return decision;
    }

    /** Closes as LAPSED every application whose 4 weeks to complete ran out; returns how many. */
    @Transactional
    public int lapseOverdue() {
        int lapsed = 0;
        for (Application a : repository.inStatus(List.of(ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION))) {
            if (a.clock().map(c -> c.isOverdue(clock)).orElse(false)) {
                Application locked = repository.findForUpdate(a.id()).orElseThrow();
                if (locked.status() == ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION) {
                    moves.system(locked, "lapse", x -> x.withClock(Optional.empty()));
                    lapsed++;
                }
            }
        }
        return lapsed;
    }

    private Application lockVisible(ApplicationId id, CurrentUser caller) {
        return repository.findForUpdate(id).filter(a -> applications.canView(caller, a))
                .orElseThrow(() -> ApplicationManagement.notFound(id));
    }

    /**
     * Separation of duties: HDAB staff never act on an application of their own organisation or their own; the
     * decider is not the reviewer who assessed it.
     */
    static Optional<Actor> actorOf(CurrentUser caller, Application a, String action) {
        if (a.isOwnedBy(caller.id()) || caller.belongsTo(a.organisation())) {
            return a.isOwnedBy(caller.id()) ? Optional.of(Actor.APPLICANT) : Optional.empty();
        }
        if (action.equals("decide") || action.equals("extend")) {
            if (caller.hasRole(Role.HDAB_DECIDER) && !a.acceptedBy().map(caller.id()::equals).orElse(false)) {
                return Optional.of(Actor.DECIDER);
            }
        }
        return caller.hasRole(Role.HDAB_REVIEWER) ? Optional.of(Actor.REVIEWER) : Optional.empty();
    }
}
