package eu.guichet.access.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reminders sent about running clocks (table {@code access_reminder}): each one once. */
@Repository
class AccessReminderRepository {

    private final JdbcClient jdbc;

    AccessReminderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reminder; false if it was already sent (then nobody is told again). */
    boolean record(UUID subject, String clockKind, Instant deadline, String reminderKind, int recipients,
            Instant at) {
        return jdbc.sql("""
                insert into access_reminder (subject_id, clock_kind, deadline, reminder_kind, sent_at, recipients)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(subject, clockKind, Timestamp.from(deadline), reminderKind, Timestamp.from(at), recipients)
                .update() == 1;
    }
}
