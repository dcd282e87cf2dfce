package eu.guichet.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;

/**
 * Reads the stored chain in sequence order, streaming: PostgreSQL hands rows over through a cursor, {@value #FETCH_SIZE}
 * at a time, which it does only inside a transaction (auto-commit off). So every read here requires one.
 */
@Repository
class AuditLog {

    static final int FETCH_SIZE = 1_000;

    private final JdbcTemplate streaming;

    AuditLog(JdbcTemplate jdbcTemplate) {
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    /** What is read: each stored row, as an event or, when it cannot be read back as one, as unreadable. */
    interface Visitor {
        void event(AuditEvent event);

        /** A row altered so that it no longer reads as an event; {@code reason} never quotes the row. */
        void unreadable(long sequence, String storedHash, String reason);
    }

    /** Every event in sequence order. */
    void forEach(Visitor visitor) {
        requireTransaction();
        streaming.query("select * from audit_event order by seq", rs -> {
            visit(rs, visitor);
        });
    }

    /** Events that occurred in [from, to), in sequence order. */
    void forEachBetween(Instant from, Instant to, Visitor visitor) {
        requireTransaction();
        streaming.query("select * from audit_event where occurred_at >= ? and occurred_at < ? order by seq",
                rs -> {
                    visit(rs, visitor);
                }, Timestamp.from(from), Timestamp.from(to));
    }

    /** The {@code count} newest rows, newest first (the audit trail page): a bounded read. */
    void forEachNewest(int count, Visitor visitor) {
        requireTransaction();
        streaming.query("select * from audit_event order by seq desc limit ?", rs -> {
            visit(rs, visitor);
        }, count);
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The audit trail is read inside a transaction, where PostgreSQL streams "
                    + "it with a cursor; outside one the driver would load the whole table.");
        }
    }

    private static void visit(ResultSet rs, Visitor visitor) throws SQLException {
        long sequence = rs.getLong("seq");
        String hash = rs.getString("hash");
        String details = rs.getString("details");
        TreeMap<String, String> parsed;
        try {
            parsed = AuditChain.parseDetails(details);
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null) {
            visitor.unreadable(sequence, hash, "its details are not a JSON object of strings");
            return;
        }
        if (!AuditChain.detailsJson(parsed).equals(details)) {
            visitor.unreadable(sequence, hash, "its details are not in canonical form");
            return;
        }
        AuditOutcome outcome;
        try {
            outcome = AuditOutcome.valueOf(rs.getString("outcome"));
        } catch (IllegalArgumentException e) {
            visitor.unreadable(sequence, hash, "its outcome is unknown");
            return;
        }
        visitor.event(new AuditEvent(sequence, rs.getObject("id", UUID.class),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), outcome, rs.getString("request_id"), parsed,
                rs.getString("prev_hash"), hash));
    }
}
