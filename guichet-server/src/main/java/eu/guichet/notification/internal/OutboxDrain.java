package eu.guichet.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due e-mails through SMTP ({@code spring.mail.*}) every
 * {@code guichet.notification.drain-interval}. A sent e-mail is marked SENT; a failed one waits longer after each
 * failure (backoff) and is given up (FAILED) after {@code max-attempts}, with its attempt count and last error kept
 * in the row. Without an SMTP host (demo) nothing is sent: e-mails stay PENDING and in-app notifications work alone.
 * Delivery is at least once: an e-mail sent just before its row fails to update is sent again. Logs ids, counts and
 * error kinds only, never addresses, subjects or bodies.
 */
@Component
public class OutboxDrain {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);
    private static final int ERROR_MAX = 500;

    private final MailOutbox outbox;
    private final JavaMailSender mailer;
    private final NotificationProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxDrain(MailOutbox outbox, ObjectProvider<JavaMailSender> mailer, NotificationProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer.getIfAvailable();
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
        if (this.mailer == null) {
            log.info("No SMTP server configured (spring.mail.host): e-mails stay in the outbox, unsent");
        }
    }

    /** Whether an SMTP server is configured. */
    public boolean isSending() {
        return mailer != null;
    }

    @Scheduled(fixedDelayString = "${guichet.notification.drain-interval:30s}")
    void scheduled() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox drain failed ({}); next run at the next interval", e.getClass().getSimpleName());
        }
    }

    /** One run: sends at most a batch of due e-mails; returns how many were sent. */
    public int drain() {
        if (mailer == null) {
            return 0;
        }
        Integer sent = transactions.execute(status -> {
            Instant now = clock.instant();
            List<MailOutbox.Pending> due = outbox.lockDue(now, properties.batchSize());
            int ok = 0;
            for (MailOutbox.Pending mail : due) {
                if (send(mail, now)) {
                    ok++;
                }
            }
            if (!due.isEmpty()) {
                log.info("Outbox drain: {} e-mails sent, {} failed", ok, due.size() - ok);
            }
            return ok;
        });
        return sent == null ? 0 : sent;
    }

    private boolean send(MailOutbox.Pending mail, Instant now) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(mail.recipient());
        message.setSubject(mail.subject());
        message.setText(mail.body());
        try {
            mailer.send(message);
            outbox.markSent(mail.id(), clock.instant());
            return true;
        } catch (MailException e) {
            int attempts = mail.attempts() + 1;
            boolean givingUp = attempts >= properties.maxAttempts();
            outbox.markFailed(mail.id(), describe(e), givingUp ? MailOutbox.Status.FAILED : MailOutbox.Status.PENDING,
                    now.plus(properties.backoffAfter(attempts)));
            log.warn("E-mail {} not sent (attempt {}, {}){}", mail.id(), attempts,
                    e.getMostSpecificCause().getClass().getSimpleName(), givingUp ? ": given up" : "");
            return false;
        }
    }

    /** The error kept in the row (not logged): the innermost cause's class and message, shortened. */
    private static String describe(MailException e) {
        Throwable cause = e.getMostSpecificCause();
        String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text;
    }
}
