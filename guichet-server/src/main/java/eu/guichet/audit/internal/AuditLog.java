package eu.guichet.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;

/** Reads the stored chain, in sequence order, streaming (a cursor, never the whole table in memory). */
@Repository
class AuditLog {

    private static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate streaming;
    private final JdbcClient jdbc;

    AuditLog(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = jdbc;
    }

    /** Every event in sequence order. Call inside a transaction so PostgreSQL uses a cursor. */
    void forEach(Consumer<AuditEvent> consumer) {
        streaming.query("select * from audit_event order by seq", rs -> {
            consumer.accept(event(rs));
        });
    }

    /** Events that occurred in [from, to), in sequence order. Call inside a transaction. */
    void forEachBetween(Instant from, Instant to, Consumer<AuditEvent> consumer) {
        streaming.query("select * from audit_event where occurred_at >= ? and occurred_at < ? order by seq",
                rs -> {
                    consumer.accept(event(rs));
                }, Timestamp.from(from), Timestamp.from(to));
    }

    List<AuditEvent> latest(int count) {
        return jdbc.sql("select * from audit_event order by seq desc limit ?").param(count)
                .query((rs, n) -> event(rs)).list();
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("request_id"), AuditChain.parseDetails(rs.getString("details")),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
