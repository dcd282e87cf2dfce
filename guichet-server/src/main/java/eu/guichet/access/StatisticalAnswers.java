package eu.guichet.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.access.internal.StatisticalAnswerRepository;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The analysts' queue of statistical answers. A decision that grants a data request (EHDS Art. 69) or offers a
 * statistical answer instead of a permit (Art. 68(3)) queues one, due 3 months after the decision; an HDAB analyst of
 * another organisation than the applicant's takes it in preparation (audited). The answer itself is computed and
 * checked by output control, which calls {@link #answered} once it is released: there is no other way to close it.
 */
@Service
public class StatisticalAnswers {

    private final StatisticalAnswerRepository repository;
    private final ApplicationRepository applications;
    private final StatutoryClocks clocks;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatisticalAnswers(StatisticalAnswerRepository repository, ApplicationRepository applications,
            StatutoryClocks clocks, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.clocks = clocks;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Whether the decision leaves the HDAB a statistical answer to prepare. */
    public static boolean owesAnAnswer(ApplicationKind kind, DecisionOutcome outcome) {
        return outcome == DecisionOutcome.STATISTICAL_ANSWER_OFFERED
                || outcome == DecisionOutcome.GRANTED && kind == ApplicationKind.DATA_REQUEST;
    }

    /** The answers not yet released, the earliest due first; an analyst never sees their own organisation's. */
    @Transactional(readOnly = true)
    public List<StatisticalAnswer> queue(CurrentUser caller) {
        checkAnalyst(caller);
        return repository.open().stream().filter(s -> mayWorkOn(caller, s.applicationId())).toList();
    }

    /** The caller takes the answer in preparation (or takes it over from another analyst). */
    @Transactional
    public StatisticalAnswer assign(ApplicationId id, CurrentUser caller) {
        checkAnalyst(caller);
        StatisticalAnswer current = repository.findForUpdate(id).filter(s -> mayWorkOn(caller, id))
                .orElseThrow(() -> notFound(id));
        move(current, "assign");
        repository.assign(id, caller.id(), clock.instant());
        audit.record(AuditRecord.success("access.statistical_answer_assigned", "application", id)
                .with("previous", current.analyst().map(Object::toString).orElse("none")));
        return repository.find(id).orElseThrow();
    }

    /**
     * Output control released the answer: closes it with the output's reference and tells the applicant. Called by
     * the disclosure module in its own transaction (joined), never from a page or the REST API.
     *
     * @param outputRef the released output's reference in output control (shown to the HDAB, audited)
     */
    @Transactional
    public StatisticalAnswer answered(ApplicationId id, String outputRef) {
        if (outputRef == null || outputRef.isBlank()) {
            throw new ValidationException("access.output_ref_required", "Name the released output.",
                    List.of(new ValidationException.FieldError("outputRef", "required")));
        }
        StatisticalAnswer current = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        move(current, "answer");
        Instant now = clock.instant();
        repository.answered(id, outputRef.strip(), now);
        events.publishEvent(new StatisticalAnswerReleased(id, outputRef.strip(), now));
        audit.record(AuditRecord.success("access.statistical_answer_released", "application", id).by("system")
                .with("output", outputRef.strip()));
        return repository.find(id).orElseThrow();
    }

    /** A decision that owes an answer queues it, in the decision's transaction. */
    @EventListener
    void on(DecisionIssued issued) {
        Application a = applications.find(issued.applicationId()).orElse(null);
        if (a != null && owesAnAnswer(a.kind(), issued.outcome())) {
            Instant due = clocks.start(StatutoryPeriod.DATA_REQUEST, issued.decidedAt()).dueAt();
            repository.insert(a.id(), issued.outcome(), issued.decidedAt(), due);
        }
    }

    private boolean mayWorkOn(CurrentUser caller, ApplicationId id) {
        return applications.find(id).map(a -> !a.isOwnedBy(caller.id()) && !caller.belongsTo(a.organisation()))
                .orElse(false);
    }

    private static void move(StatisticalAnswer current, String action) {
        StatisticalAnswer.Move move = StatisticalAnswer.MOVES.get(action);
        if (!move.from().contains(current.status())) {
            throw new InvalidTransitionException("access.statistical_answer_closed",
                    "A statistical answer in status " + current.status() + " cannot be '" + action + "'.");
        }
    }

    private static void checkAnalyst(CurrentUser caller) {
        if (!caller.hasRole(Role.HDAB_ANALYST)) {
            throw new AccessDenied("access.analyst_only", "HDAB analysts prepare statistical answers.");
        }
    }

    private static NotFoundException notFound(ApplicationId id) {
        return new NotFoundException("access.statistical_answer_not_found", "No statistical answer owed for " + id
                + ".");
    }
}
