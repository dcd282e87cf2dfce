package eu.guichet.notification.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.notification.NotificationId;

/** SQL for the e-mail outbox. */
@Repository
public class MailOutbox {

    /** Where an e-mail of the outbox stands. */
    public enum Status {
        /** Not sent yet (no SMTP server configured, or waiting for its next attempt). */
        PENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** Given up after the configured number of attempts. */
        FAILED
    }

    /** One e-mail due for an attempt. */
    record Pending(UUID id, String recipient, String subject, String body, int attempts) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void add(NotificationId notification, String recipient, MailComposer.Mail mail, Instant now) {
        jdbc.sql("""
                insert into mail_outbox (id, notification_id, recipient, subject, body, status, next_attempt_at,
                                         created_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                """)
                .params(UUID.randomUUID(), notification.value(), recipient, mail.subject(), mail.body(),
                        Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    /**
     * The e-mails due now, locked until the transaction ends; rows another drain holds are skipped, so two drains
     * (two instances) never send one e-mail twice.
     */
    List<Pending> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select id, recipient, subject, body, attempts from mail_outbox
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at limit ? for update skip locked
                """).params(Timestamp.from(now), limit)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("update mail_outbox set status = 'SENT', attempts = attempts + 1, sent_at = ? where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markFailed(UUID id, String error, Status status, Instant nextAttempt) {
        jdbc.sql("""
                update mail_outbox set status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?
                where id = ?
                """).params(status.name(), error, Timestamp.from(nextAttempt), id).update();
    }
}
