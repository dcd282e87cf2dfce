package eu.guichet.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
 * The first assignment opens the answer's {@link Analysis} (an extract of the request's scope and a workspace for the
 * analyst: {@link AnalysisOpened}); the release closes it ({@link AnalysisClosed}).
 */
@Service
public class StatisticalAnswers {

    /** How long after its due date an unanswered analysis stays open. */
    static final int ANALYSIS_MARGIN_MONTHS = 3;

    private final StatisticalAnswerRepository repository;
    private final ApplicationRepository applications;
    private final StatutoryClocks clocks;
    private final ApplicationScopes scopes;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatisticalAnswers(StatisticalAnswerRepository repository, ApplicationRepository applications,
            StatutoryClocks clocks, ApplicationScopes scopes, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.scopes = scopes;
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
        Instant now = clock.instant();
        PermitId analysis = current.analysisId().orElseGet(PermitId::random);
        Application application = applications.find(id).orElseThrow(() -> notFound(id));
        // opt-outs apply as of the first assignment, kept by the extract once requested
        PermitScope scope = scopes.analysis(application.form(), current.assignedAt().orElse(now));
        repository.assign(id, caller.id(), now);
        repository.openAnalysis(id, analysis);
        events.publishEvent(new AnalysisOpened(analysis, id, scope, Set.of(caller.id()), analysisEnd(current)));
        audit.record(AuditRecord.success("access.statistical_answer_assigned", "application", id)
                .with("previous", current.analyst().map(Object::toString).orElse("none"))
                .with("analysis", analysis));
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
        current.analysisId().ifPresent(analysis -> events.publishEvent(new AnalysisClosed(analysis, id)));
        audit.record(AuditRecord.success("access.statistical_answer_released", "application", id).by("system")
                .with("output", outputRef.strip()));
        return repository.find(id).orElseThrow();
    }

    /** The analysis with this id, if it is one (the workspace gate and output control ask). */
    @Transactional(readOnly = true)
    public Optional<Analysis> analysisOf(PermitId analysisId) {
        return repository.findByAnalysis(analysisId).map(s -> new Analysis(analysisId, s.applicationId(),
                s.analyst(), s.status() != StatisticalAnswer.Status.ANSWERED));
    }

    /**
     * Whether the caller receives the answer computed in this analysis: the applicant, or a member of the
     * application's team (by account), once the answer is released. Never the analyst as such.
     */
    @Transactional(readOnly = true)
    public boolean receivesAnswer(PermitId analysisId, CurrentUser caller) {
        return repository.findByAnalysis(analysisId).filter(s -> s.status() == StatisticalAnswer.Status.ANSWERED)
                .flatMap(s -> applications.find(s.applicationId()))
                .map(a -> a.isOwnedBy(caller.id())
                        || a.form().team().stream().anyMatch(m -> m.username().equals(caller.username())))
                .orElse(false);
    }

    /** The analysis ends 3 months after the answer was due at the latest (released answers close it earlier). */
    private Instant analysisEnd(StatisticalAnswer answer) {
        return answer.dueAt().atZone(clocks.settings().zone()).plusMonths(ANALYSIS_MARGIN_MONTHS).toInstant();
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
