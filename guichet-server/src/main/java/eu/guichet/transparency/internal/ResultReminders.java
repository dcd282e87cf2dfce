package eu.guichet.transparency.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.notification.Notice;
import eu.guichet.notification.Notifications;
import eu.guichet.security.UserId;

/**
 * Reminds the persons named in a permit that its results are due (EHDS Art. 61: published within 18 months of the
 * end of processing): 3 months before, 1 month before, and once overdue, while no result is declared. Each stage is
 * sent once per due date (a run that starts late sends only the latest stage reached), as a notification to every
 * member, audited per permit. Runs every {@code guichet.transparency.reminder-interval} on the injected clock.
 */
@Component
public class ResultReminders {

    /** How close the due date is. */
    enum Stage {
        THREE_MONTHS(3), ONE_MONTH(1), OVERDUE(0);

        final int monthsBefore;

        Stage(int monthsBefore) {
            this.monthsBefore = monthsBefore;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ResultReminders.class);

    private final Results results;
    private final ResultsDue resultsDue;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ResultReminders(Results results, ResultsDue resultsDue, Notifications notifications, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.results = results;
        this.resultsDue = resultsDue;
        this.notifications = notifications;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${guichet.transparency.reminder-interval:1h}")
    void scheduled() {
        try {
            remind();
        } catch (RuntimeException e) {
            log.warn("Result reminders failed ({}); next run at the next interval", e.getClass().getSimpleName());
        }
    }

    /** One run; returns how many permits were reminded. Each permit in its own transaction. */
    public int remind() {
        Instant now = clock.instant();
        int reminded = 0;
        for (Results.Due due : results.dueBefore(horizon(now), resultsDue.zone())) {
            Stage stage = stageAt(resultsDue, due.dueAt(), now);
            try {
                if (stage != null && Boolean.TRUE.equals(transactions.execute(s -> remind(due, stage, now)))) {
                    reminded++;
                }
            } catch (RuntimeException e) {
                // one permit's failure (a member's account removed, say) does not stop the others' reminders
                log.warn("Result reminder for permit {} failed ({})", due.permitId(), e.getClass().getSimpleName());
            }
        }
        if (reminded > 0) {
            log.info("Result reminders: {} permits reminded", reminded);
        }
        return reminded;
    }

    private boolean remind(Results.Due due, Stage stage, Instant now) {
        if (!results.recordReminder(due.permitId(), stage.name(), due.dueAt(), now)) {
            return false;
        }
        Set<UserId> members = results.members(due.permitId());
        String link = "/register/permits/" + due.permitId() + "/results";
        String day = LocalDate.ofInstant(due.dueAt().minusNanos(1), resultsDue.zone()).toString();
        Notice notice = stage == Stage.OVERDUE
                ? Notice.of("transparency.results_overdue", "transparency.notice.results_overdue", link,
                        due.title(), day)
                : Notice.of("transparency.results_due", "transparency.notice.results_due", link, due.title(), day);
        for (UserId member : members) {
            notifications.notify(member, notice.due(due.dueAt()));
        }
        audit.record(AuditRecord.success("transparency.results_reminded", "permit", due.permitId())
                .with("stage", stage).with("members", members.size()));
        return true;
    }

    /** The latest stage reached at {@code now}, or null before the first one. */
    static Stage stageAt(ResultsDue resultsDue, Instant dueAt, Instant now) {
        Stage reached = null;
        for (Stage stage : List.of(Stage.THREE_MONTHS, Stage.ONE_MONTH, Stage.OVERDUE)) {
            if (!now.isBefore(resultsDue.before(dueAt, stage.monthsBefore))) {
                reached = stage;
            }
        }
        return reached;
    }

    /** Due dates within 3 months of now are candidates. */
    private Instant horizon(Instant now) {
        return now.atZone(resultsDue.zone()).plusMonths(Stage.THREE_MONTHS.monthsBefore).toInstant();
    }
}
