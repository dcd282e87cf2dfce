package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/audit/events}: the trail as JSON lines, for auditors only, filtered by time. */
@GuichetIntegrationTest
class AuditExportTest {

    static final String NDJSON = "application/x-ndjson";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    AuditProbe probe;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        probe = new AuditProbe(dataSource, api);
    }

    @Test
    void the_auditor_gets_every_event_as_one_json_object_per_line_in_chain_order() {
        String requestId = AuditProbe.requestId("test-request-0001");
        Api.Response created = probe.createOrganisation("Exported " + requestId, requestId);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isEqualTo(requestId);

        Api.Response response = export("");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith(NDJSON);
        List<JsonNode> events = lines(response);
        assertThat(events).isNotEmpty();
        String previousHash = AuditProbe.GENESIS;
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i + 1);
            assertThat(event.get("previousHash").asString()).isEqualTo(previousHash);
            assertThat(event.get("hash").asString()).hasSize(64);
            for (String field : List.of("id", "occurredAt", "actor", "action", "outcome", "details")) {
                assertThat(event.hasNonNull(field)).as("%s in %s", field, event).isTrue();
            }
            previousHash = event.get("hash").asString();
        }
        assertThat(events).filteredOn(e -> requestId.equals(e.path("requestId").asString(null))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("actor").asString()).isEqualTo("admin");
                    assertThat(e.get("action").asString()).isEqualTo("identity.organisation_created");
                    assertThat(e.get("outcome").asString()).isEqualTo("SUCCESS");
                    assertThat(e.get("objectType").asString()).isEqualTo("organisation");
                    assertThat(e.get("objectId").asString()).isEqualTo(created.json().get("id").asString());
                    assertThat(e.get("details").get("type").asString()).isEqualTo("ACADEMIC");
                });
        assertThat(events.get(events.size() - 1).get("action").asString())
                .as("the export is itself audited, before it is streamed").isEqualTo("audit.events_exported");
    }

    @Test
    void from_and_to_select_the_events_that_occurred_in_between() {
        String run = AuditProbe.requestId("period");
        for (int i = 0; i < 4; i++) {
            assertThat(probe.createOrganisation("Period " + run + " " + i, run + "-" + i).status()).isEqualTo(201);
        }
        List<JsonNode> all = lines(export(""));
        Instant from = occurredAt(all, run + "-1");
        Instant to = occurredAt(all, run + "-3");
        assertThat(from).isBefore(to);

        List<JsonNode> between = lines(export("?from=" + from + "&to=" + to));

        List<Long> expected = all.stream().filter(e -> {
            Instant at = Instant.parse(e.get("occurredAt").asString());
            return !at.isBefore(from) && at.isBefore(to);
        }).map(e -> e.get("sequence").asLong()).toList();
        assertThat(between).extracting(e -> e.get("sequence").asLong()).containsExactlyElementsOf(expected);
        assertThat(between).extracting(e -> e.path("requestId").asString(null))
                .contains(run + "-1", run + "-2").doesNotContain(run + "-0", run + "-3");

        List<JsonNode> since = lines(export("?from=" + to));
        assertThat(since).extracting(e -> e.path("requestId").asString(null))
                .contains(run + "-3").doesNotContain(run + "-0", run + "-1", run + "-2");
    }

    @Test
    void an_empty_or_reversed_period_is_a_validation_problem() {
        Instant now = Instant.now();
        for (String query : List.of("?from=" + now + "&to=" + now, "?from=" + now + "&to=" + now.minusSeconds(60))) {
            for (String accept : List.of(NDJSON, "*/*")) {
                Api.Response response = api.send("GET", "/api/audit/events" + query, "auditor", null,
                        Map.of("Accept", accept));
                assertThat(response.status()).as("%s with Accept %s", query, accept).isEqualTo(422);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().get("code").asString()).isEqualTo("audit.period_invalid");
            }
        }
    }

    @Test
    void only_auditors_export_and_only_signed_in_users_are_told_so() {
        for (String user : List.of("admin", "alice", "reviewer")) {
            Api.Response response = api.send("GET", "/api/audit/events", user, null, Map.of("Accept", NDJSON));
            assertThat(response.status()).as(user).isEqualTo(403);
        }
        assertThat(api.send("GET", "/api/audit/events", null, null, Map.of("Accept", NDJSON)).status())
                .isEqualTo(401);
        assertThat(api.get("/api/audit/verify", "alice").status()).isEqualTo(403);
        assertThat(api.get("/api/audit/verify", null).status()).isEqualTo(401);
    }

    private Api.Response export(String query) {
        Api.Response response = api.send("GET", "/api/audit/events" + query, "auditor", null,
                Map.of("Accept", NDJSON));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<JsonNode> lines(Api.Response response) {
        assertThat(response.body()).endsWith("\n");
        return response.body().lines().map(JSON::readTree).peek(node -> assertThat(node.isObject()).isTrue())
                .toList();
    }

    private static Instant occurredAt(List<JsonNode> events, String requestId) {
        return events.stream().filter(e -> requestId.equals(e.path("requestId").asString(null)))
                .map(e -> Instant.parse(e.get("occurredAt").asString())).findFirst().orElseThrow();
    }
}
