package eu.guichet.notification.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.notification.Notice;
import eu.guichet.notification.NotificationId;
import eu.guichet.security.UserId;

/** SQL for in-app notifications. */
@Repository
public class NotificationRepository {

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredNotification n) {
        Notice notice = n.notice();
        jdbc.sql("""
                insert into notification (id, recipient_id, type, message_key, arguments, link, due_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(n.id().value(), n.recipient().value(), notice.type(), notice.messageKey(),
                        notice.arguments().toArray(String[]::new), notice.link(),
                        notice.dueAt().map(Timestamp::from).orElse(null), Timestamp.from(n.createdAt()))
                .update();
    }

    public Optional<StoredNotification> find(NotificationId id) {
        return jdbc.sql("select * from notification where id = ?").param(id.value())
                .query(NotificationRepository::row).optional();
    }

    /** Unread first, then newest first; at most the 200 latest. */
    public List<StoredNotification> listFor(UserId recipient) {
        return jdbc.sql("""
                select * from notification where recipient_id = ?
                order by (read_at is null) desc, created_at desc limit 200
                """).param(recipient.value()).query(NotificationRepository::row).list();
    }

    public int unreadCount(UserId recipient) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(recipient.value()).query(Integer.class).single();
    }

    public void markRead(NotificationId id, Instant at) {
        jdbc.sql("update notification set read_at = ? where id = ? and read_at is null")
                .params(Timestamp.from(at), id.value()).update();
    }

    public int markAllRead(UserId recipient, Instant at) {
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(at), recipient.value()).update();
    }

    private static StoredNotification row(ResultSet rs, int n) throws SQLException {
        Array arguments = rs.getArray("arguments");
        Timestamp due = rs.getTimestamp("due_at");
        Timestamp read = rs.getTimestamp("read_at");
        Notice notice = new Notice(rs.getString("type"), rs.getString("message_key"),
                Arrays.asList((String[]) arguments.getArray()), rs.getString("link"),
                Optional.ofNullable(due).map(Timestamp::toInstant));
        return new StoredNotification(new NotificationId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("recipient_id", UUID.class)), notice, rs.getTimestamp("created_at")
                        .toInstant(), Optional.ofNullable(read).map(Timestamp::toInstant));
    }
}
