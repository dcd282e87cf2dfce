package eu.guichet.access.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationMessage;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Assessment;
import eu.guichet.access.Decision;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.FeeEstimate;
import eu.guichet.access.PermitId;
import eu.guichet.access.ScreeningFinding;
import eu.guichet.access.StatusChange;
import eu.guichet.access.StatutoryClock;
import eu.guichet.access.StatutoryPeriod;
import eu.guichet.security.OrganisationId;

/**
 * An application as the API shows it: status, the running clock ({@code dueAt}, {@code clockStopped}), the screening
 * findings, the history, the messages, the decision, the permit, and the fees: the estimate (Art. 62), or what a
 * withdrawn application owes.
 */
record ApplicationView(ApplicationId id, ApplicationKind kind, ApplicationStatus status,
        OrganisationId organisationId, int revision, ApplicationForm form, List<ScreeningFinding> findings,
        Optional<ClockView> clock, Optional<Instant> dueAt, boolean clockStopped, Optional<Assessment> assessment,
        List<StatusChange> history, List<ApplicationMessage> messages, Optional<DecisionView> decision,
        Optional<PermitId> permitId, FeeEstimate fees, Instant createdAt, Optional<Instant> submittedAt,
        Optional<Instant> closedAt) {

    /** The running statutory clock. */
    record ClockView(StatutoryPeriod period, String legalBasis, Instant startedAt, LocalDate lastDay, Instant dueAt,
            boolean extended, Optional<String> extensionReason, boolean stopped, boolean overdue, long daysLeft) {

        static ClockView of(StatutoryClock c, java.time.Clock now) {
            return new ClockView(c.period(), c.period().legalBasis(), c.startedAt(), c.lastDay(now), c.dueAt(now),
                    c.isExtended(), c.extension().map(StatutoryClock.Extension::reason), c.isStopped(),
                    c.isOverdue(now), c.daysLeft(now));
        }
    }

    /** The decision without its document (fetched on its own). */
    record DecisionView(DecisionOutcome outcome, String justification, Instant decidedAt, String documentSha256) {

        static DecisionView of(Decision d) {
            return new DecisionView(d.outcome(), d.justification(), d.decidedAt(), d.documentSha256());
        }
    }

    static ApplicationView of(Application a, List<StatusChange> history, List<ApplicationMessage> messages,
            Optional<Decision> decision, Optional<PermitId> permit, FeeEstimate fees, java.time.Clock now) {
        Optional<ClockView> clock = a.clock().map(c -> ClockView.of(c, now));
        return new ApplicationView(a.id(), a.kind(), a.status(), a.organisation(), a.revision(), a.form(),
                a.findings(), clock, clock.map(ClockView::dueAt), clock.map(ClockView::stopped).orElse(false),
                a.assessment(), history, messages, decision.map(DecisionView::of), permit, fees, a.createdAt(),
                a.submittedAt(), a.closedAt());
    }
}
