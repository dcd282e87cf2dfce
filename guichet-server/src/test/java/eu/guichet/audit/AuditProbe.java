package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import eu.guichet.testing.Api;
import tools.jackson.databind.JsonNode;

/** Test helper: reads the stored chain by SQL, asks the running server to verify it, and writes audit events. */
final class AuditProbe {

    static final String GENESIS = "0".repeat(64);

    /** One stored row, as the database holds it. */
    record Row(long seq, String actor, String action, String objectType, String objectId, String outcome,
            String requestId, String details, String previousHash, String hash) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("seq"), rs.getString("actor"),
            rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
            rs.getString("request_id"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcTemplate jdbc;
    private final Api api;

    AuditProbe(DataSource dataSource, Api api) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.api = api;
    }

    List<Row> rows() {
        return jdbc.query("select * from audit_event order by seq", ROW);
    }

    List<Row> rowsOfRequest(String requestId) {
        return jdbc.query("select * from audit_event where request_id = ? order by seq", ROW, requestId);
    }

    long head() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
    }

    /** {@code GET /api/audit/verify} as the auditor; the report. */
    JsonNode verify() {
        Api.Response response = api.get("/api/audit/verify", "auditor");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    void assertIntact() {
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("firstBrokenLink").isNull()).as(report.toString()).isTrue();
    }

    /** The first broken link of the report, asserting the chain is reported broken. */
    static JsonNode brokenLink(JsonNode report) {
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isFalse();
        JsonNode link = report.get("firstBrokenLink");
        assertThat(link.isObject()).as(report.toString()).isTrue();
        return link;
    }

    /** A unique request id for {@code X-Request-Id}. */
    static String requestId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code POST /api/organisations} as admin: one {@code identity.organisation_created} event. */
    Api.Response createOrganisation(String name, String requestId) {
        String json = """
                {"name": "%s", "type": "ACADEMIC", "country": "FR", "publicHealthMandate": false}""".formatted(name);
        return api.send("POST", "/api/organisations", "admin", json, Map.of("X-Request-Id", requestId));
    }

    /** A failed HTTP Basic sign-in: one {@code identity.login_failed} event. */
    Api.Response failedLogin(String username, String password, String requestId) {
        return api.send("GET", "/api/me", null, null,
                Map.of("Authorization", Api.basic(username, password), "X-Request-Id", requestId));
    }
}
