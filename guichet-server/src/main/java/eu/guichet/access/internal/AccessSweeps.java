package eu.guichet.access.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import eu.guichet.access.ApplicationReview;
import eu.guichet.access.PermitManagement;

/**
 * What the clocks do on their own, every {@code guichet.access.sweep-interval}: applications not completed within
 * their 4 weeks lapse; permits at the end of their validity expire; reminders go out about clocks near their deadline
 * ({@link ClockReminders}).
 */
@Component
class AccessSweeps {

    private static final Logger log = LoggerFactory.getLogger(AccessSweeps.class);

    private final ApplicationReview review;
    private final PermitManagement permits;
    private final ClockReminders reminders;

    AccessSweeps(ApplicationReview review, PermitManagement permits, ClockReminders reminders) {
        this.review = review;
        this.permits = permits;
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${guichet.access.sweep-interval:PT5M}", initialDelayString = "PT1M")
    void sweep() {
        int lapsed = review.lapseOverdue();
        int expired = permits.expireEnded();
        int reminded = reminders.remind();
        if (lapsed + expired + reminded > 0) {
            log.info("Access sweep: {} application(s) lapsed, {} permit(s) expired, {} reminder(s) sent", lapsed,
                    expired, reminded);
        }
    }
}
