package eu.guichet.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.HolderRequest;
import eu.guichet.access.StatutoryClock;
import eu.guichet.access.StatutoryPeriod;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.notification.Notice;
import eu.guichet.notification.Notifications;
import eu.guichet.security.UserId;

/**
 * Reminders about running statutory clocks, each sent once per deadline (table {@code access_reminder}; an extension
 * moves the deadline and re-arms them): reviewers and deciders when a decision clock is due within
 * {@code guichet.access.decision-reminder-lead}, and again once it is overdue; the applicant when the 4 weeks to
 * complete have {@code completion-reminder-lead} left; the holder when its delivery is due within
 * {@code holder-reminder-lead}. A stopped clock reminds nobody. Each reminder in its own transaction, audited.
 */
@Component
class ClockReminders {

    /** How close the deadline is. */
    enum Kind {
        DUE_SOON, OVERDUE
    }

    private static final Logger log = LoggerFactory.getLogger(ClockReminders.class);

    private static final List<ApplicationStatus> DECIDING = List.of(ApplicationStatus.PRE_SCREENING,
            ApplicationStatus.PROCESSING, ApplicationStatus.AWAITING_CLARIFICATION);

    private final ApplicationRepository applications;
    private final HolderRequestRepository holderRequests;
    private final AccessReminderRepository reminders;
    private final AccessRecipients recipients;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final AccessProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ClockReminders(ApplicationRepository applications, HolderRequestRepository holderRequests,
            AccessReminderRepository reminders, AccessRecipients recipients, Notifications notifications,
            AuditTrail audit, AccessProperties properties, PlatformTransactionManager transactions, Clock clock) {
        this.applications = applications;
        this.holderRequests = holderRequests;
        this.reminders = reminders;
        this.recipients = recipients;
        this.notifications = notifications;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One run; returns how many reminders went out. */
    int remind() {
        int sent = 0;
        for (Application a : applications.inStatus(DECIDING)) {
            StatutoryClock c = a.decisionClock().orElse(null);
            Kind kind = kind(c, properties.decisionReminderLead(), true);
            if (kind != null) {
                Set<UserId> to = new java.util.LinkedHashSet<>(recipients.reviewers(a));
                to.addAll(recipients.deciders(a));
                sent += send(a.id().value(), "application", c, kind, to, AccessNotices.notice(
                        kind == Kind.OVERDUE ? "decision_overdue" : "decision_due", "/hdab/applications/" + a.id(),
                        title(a), c.lastDay(clock).toString()));
            }
        }
        for (Application a : applications.inStatus(List.of(ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION))) {
            StatutoryClock c = a.clock().filter(x -> x.period() == StatutoryPeriod.COMPLETION).orElse(null);
            if (kind(c, properties.completionReminderLead(), false) == Kind.DUE_SOON) {
                sent += send(a.id().value(), "application", c, Kind.DUE_SOON, recipients.applicantSide(a),
                        AccessNotices.notice("completion_due", "/applications/" + a.id(), title(a),
                                c.lastDay(clock).toString()));
            }
        }
        for (HolderRequest r : holderRequests.open()) {
            StatutoryClock c = r.clock().filter(x -> x.period() == StatutoryPeriod.HOLDER_DELIVERY).orElse(null);
            if (r.status() == HolderRequest.Status.REQUESTED
                    && kind(c, properties.holderReminderLead(), false) == Kind.DUE_SOON) {
                String title = applications.find(r.applicationId()).map(ClockReminders::title).orElse("");
                sent += send(r.id(), "holder_request", c, Kind.DUE_SOON, recipients.holderUsers(r.holder()),
                        AccessNotices.notice("holder_delivery_due", "/holder/requests", title,
                                c.lastDay(clock).toString()));
            }
        }
        return sent;
    }

    /** The reminder due now for this clock, or null: within {@code lead} of the deadline, or (if asked) overdue. */
    private Kind kind(StatutoryClock c, Duration lead, boolean overdueToo) {
        if (c == null || c.isStopped()) {
            return null;
        }
        if (c.isOverdue(clock)) {
            return overdueToo ? Kind.OVERDUE : Kind.DUE_SOON;
        }
        return clock.instant().plus(lead).isBefore(c.dueAt(clock)) ? null : Kind.DUE_SOON;
    }

    private int send(UUID subject, String type, StatutoryClock c, Kind kind, Set<UserId> to, Notice notice) {
        Instant deadline = c.dueAt(clock);
        try {
            Boolean sent = transactions.execute(s -> {
                if (!reminders.record(subject, c.period().name(), deadline, kind.name(), to.size(), clock.instant())) {
                    return false;
                }
                for (UserId user : to) {
                    notifications.notify(user, notice.due(deadline));
                }
                audit.record(AuditRecord.success("access.clock_reminded", type, subject).by("system")
                        .with("clock", c.period()).with("reminder", kind).with("recipients", to.size()));
                return true;
            });
            return Boolean.TRUE.equals(sent) ? 1 : 0;
        } catch (RuntimeException e) {
            // one failure (an account removed meanwhile, say) does not stop the other reminders; retried next run
            log.warn("Clock reminder for {} {} failed ({})", type, subject, e.getClass().getSimpleName());
            return 0;
        }
    }

    private static String title(Application a) {
        String title = a.form().title();
        return title == null || title.isBlank() ? a.id().toString() : title;
    }
}
