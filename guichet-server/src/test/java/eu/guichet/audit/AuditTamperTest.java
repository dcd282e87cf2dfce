package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Tampering with the stored trail by direct SQL, as an attacker with superuser rights on the database would
 * ({@code session_replication_role = replica} switches the append-only trigger off), is reported by
 * {@code GET /api/audit/verify} at the exact event where the chain first breaks.
 *
 * <p>Each test writes a fresh stretch of chain through the API, snapshots the table and the anchor file, tampers,
 * and restores both afterwards, so the tests do not depend on their order.
 */
@GuichetIntegrationTest
class AuditTamperTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${guichet.audit.anchor-file}")
    Path anchorFile;

    AuditProbe probe;
    Api api;
    /** The first and last sequence numbers of the events this test wrote through the API. */
    long first;
    long last;
    byte[] anchorsBeforeTampering;

    @BeforeEach
    void writeAFreshStretchOfChainAndSnapshotIt() throws IOException {
        api = new Api(port);
        probe = new AuditProbe(dataSource, api);
        first = probe.head() + 1;
        String run = AuditProbe.requestId("tamper");
        for (int i = 0; i < 4; i++) {
            assertThat(probe.createOrganisation("Tamper " + run + " " + i, run + "-org-" + i).status())
                    .isEqualTo(201);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(probe.failedLogin("intruder", "wrong-password-" + i, run + "-login-" + i).status())
                    .isEqualTo(401);
        }
        last = probe.head();
        assertThat(last - first + 1).isEqualTo(7);
        probe.assertIntact();
        asAttacker("drop table if exists audit_event_snapshot",
                "create table audit_event_snapshot as select * from audit_event");
        anchorsBeforeTampering = Files.readAllBytes(anchorFile);
    }

    @AfterEach
    void restoreTheChainAndItsAnchors() throws IOException {
        asAttacker("delete from audit_event", "insert into audit_event select * from audit_event_snapshot",
                "drop table audit_event_snapshot");
        Files.write(anchorFile, anchorsBeforeTampering);
        probe.assertIntact();
    }

    @Test
    void an_altered_field_breaks_the_hash_of_that_event() {
        long middle = first + 3;
        asAttacker("update audit_event set actor = 'mallory' where seq = " + middle);

        JsonNode report = probe.verify();

        JsonNode link = AuditProbe.brokenLink(report);
        assertThat(link.get("sequence").asLong()).isEqualTo(middle);
        assertThat(link.get("problem").asString()).isEqualTo("hash_mismatch");
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(middle - 1);
    }

    @Test
    void altered_details_that_are_not_even_json_are_reported_not_crashed_on() {
        long middle = first + 2;
        asAttacker("update audit_event set details = '{not json' where seq = " + middle);

        JsonNode link = AuditProbe.brokenLink(probe.verify());

        assertThat(link.get("sequence").asLong()).isEqualTo(middle);
        assertThat(link.get("problem").asString()).isEqualTo("hash_mismatch");
    }

    @Test
    void a_deleted_event_in_the_middle_is_missing() {
        long middle = first + 3;
        asAttacker("delete from audit_event where seq = " + middle);

        JsonNode link = AuditProbe.brokenLink(probe.verify());

        assertThat(link.get("sequence").asLong()).isEqualTo(middle);
        assertThat(link.get("problem").asString()).isEqualTo("missing");
    }

    @Test
    void two_swapped_events_break_the_link_at_the_first_of_them() {
        long a = first + 2;
        long b = first + 4;
        asAttacker("update audit_event set seq = 999999999 where seq = " + a,
                "update audit_event set seq = " + a + " where seq = " + b,
                "update audit_event set seq = " + b + " where seq = 999999999");

        JsonNode link = AuditProbe.brokenLink(probe.verify());

        assertThat(link.get("sequence").asLong()).isEqualTo(a);
        assertThat(link.get("problem").asString()).isEqualTo("previous_hash_mismatch");
    }

    @Test
    void deleting_the_newest_events_shows_as_truncation_thanks_to_the_anchors() {
        long head = probe.head(); // includes the audit.chain_verified event of the set-up
        asAttacker("delete from audit_event where seq > " + (head - 3));

        JsonNode report = probe.verify();

        JsonNode link = AuditProbe.brokenLink(report);
        assertThat(link.get("sequence").asLong()).isEqualTo(head - 2);
        assertThat(link.get("problem").asString()).isEqualTo("truncated");
        assertThat(report.get("headSequence").asLong()).isEqualTo(head - 3);
        assertThat(report.get("anchoredSequence").asLong()).isEqualTo(head);

        // The application goes on writing (the verification itself is audited) at the reused sequence numbers:
        // the new events differ from what was anchored there.
        JsonNode afterNewWrites = AuditProbe.brokenLink(probe.verify());
        assertThat(afterNewWrites.get("sequence").asLong()).isEqualTo(head - 2);
        assertThat(afterNewWrites.get("problem").asString()).isEqualTo("anchor_mismatch");
    }

    @Test
    void a_rewritten_history_with_correctly_recomputed_hashes_differs_from_the_anchors() throws SQLException {
        long middle = first + 3;
        rewriteHistoryFrom(middle, "mallory");

        JsonNode link = AuditProbe.brokenLink(probe.verify());

        assertThat(link.get("sequence").asLong()).isEqualTo(middle);
        assertThat(link.get("problem").asString()).isEqualTo("anchor_mismatch");
    }

    @Test
    void the_application_database_user_cannot_update_delete_or_truncate_the_trail() {
        JdbcTemplate application = new JdbcTemplate(dataSource);
        long middle = first + 3;

        assertThatThrownBy(() -> application.update("update audit_event set actor = 'mallory' where seq = ?", middle))
                .hasMessageContaining("audit_event is append-only (UPDATE refused)");
        assertThatThrownBy(() -> application.update("delete from audit_event where seq = ?", middle))
                .hasMessageContaining("audit_event is append-only (DELETE refused)");
        assertThatThrownBy(() -> application.execute("truncate audit_event"))
                .hasMessageContaining("audit_event is append-only (TRUNCATE refused)");
        assertThat(probe.rows()).filteredOn(r -> r.seq() == middle).singleElement()
                .satisfies(r -> assertThat(r.actor()).isNotEqualTo("mallory"));
        probe.assertIntact();
    }

    // --- the attacker ----------------------------------------------------------------------------------------------

    /** Runs statements on a connection of its own, with the append-only trigger switched off, in one transaction. */
    private void asAttacker(String... statements) {
        try (Connection c = attackerConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection attackerConnection() throws SQLException {
        Connection c = DriverManager.getConnection(databaseUrl, TestDatabase.USER, "");
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
        }
        return c;
    }

    /**
     * Changes the actor of one event and recomputes its hash and every later one, with an implementation of the
     * canonical form written from docs/explanation/audit-trail.md (not the application's), so the chain in the
     * table is internally consistent again.
     */
    private void rewriteHistoryFrom(long sequence, String actor) throws SQLException {
        try (Connection c = attackerConnection()) {
            String previousHash;
            try (PreparedStatement q = c.prepareStatement("select hash from audit_event where seq = ?")) {
                q.setLong(1, sequence - 1);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    previousHash = rs.getString(1);
                }
            }
            record Rewritten(long seq, String actor, String prev, String hash) {
            }
            List<Rewritten> rewritten = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select * from audit_event where seq >= ? order by seq")) {
                q.setLong(1, sequence);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        String newActor = seq == sequence ? actor : rs.getString("actor");
                        String hash = canonicalHash(seq, rs.getObject("id").toString(),
                                MICROS.format(rs.getTimestamp("occurred_at").toInstant()), newActor,
                                rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                                rs.getString("outcome"), rs.getString("request_id"), rs.getString("details"),
                                previousHash);
                        rewritten.add(new Rewritten(seq, newActor, previousHash, hash));
                        previousHash = hash;
                    }
                }
            }
            try (PreparedStatement u = c.prepareStatement(
                    "update audit_event set actor = ?, prev_hash = ?, hash = ? where seq = ?")) {
                for (Rewritten r : rewritten) {
                    u.setString(1, r.actor());
                    u.setString(2, r.prev());
                    u.setString(3, r.hash());
                    u.setLong(4, r.seq());
                    u.executeUpdate();
                }
            }
            c.commit();
        }
    }

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Each field as {@code <UTF-8 byte length>:<value>\n} ({@code -1:\n} for null), SHA-256, lower-case hex. */
    private static String canonicalHash(long seq, String... fields) {
        StringBuilder canonical = new StringBuilder();
        appendField(canonical, Long.toString(seq));
        for (String field : fields) {
            appendField(canonical, field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendField(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }
}
