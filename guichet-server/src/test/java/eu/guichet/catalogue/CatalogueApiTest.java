package eu.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * A description's life through the API, as its holder, the HDAB and the public see it: drafts are private, only a
 * conforming description is submitted and published, moves are decided by the lifecycle table and by who asks.
 */
@GuichetIntegrationTest
class CatalogueApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void a_holder_drafts_completes_and_submits_and_the_hdab_publishes() {
        String identifier = "TEST-" + UUID.randomUUID();
        var created = api.post("/api/catalogue/datasets", "holder", """
                {"identifier": "%s", "title": {"fr": "Brouillon", "en": "Draft"}}""".formatted(identifier));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.json().get("description").get("custodian").get("name").asString())
                .as("the holder's organisation is the custodian").contains("Démoville");
        assertThat(created.json().get("description").get("hdab").get("name").asString()).isNotBlank();

        var incomplete = api.post("/api/catalogue/datasets/" + id + "/transitions", "holder",
                "{\"action\": \"submit\"}");
        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(incomplete.json().get("code").asString()).isEqualTo("catalogue.not_conformant");
        assertThat(incomplete.json().get("errors").toString()).contains("\"field\":\"description\"");

        assertThat(api.get("/api/catalogue/datasets/" + id, "alice").status()).as("drafts are private")
                .isEqualTo(404);
        assertThat(api.get("/api/catalogue/datasets/" + id, null).status()).isEqualTo(404);
        assertThat(api.get("/api/catalogue/datasets/" + id, "reviewer").status()).isEqualTo(200);

        String complete = DescriptionsAsJson.aValidNonPublicDataset(identifier);
        var saved = api.send("PUT", "/api/catalogue/datasets/" + id, "holder", complete, Map.of("If-Match", "\"1\""));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"2\"");
        var stale = api.send("PUT", "/api/catalogue/datasets/" + id, "holder", complete, Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("catalogue.revision_conflict");
        assertThat(api.get("/api/catalogue/datasets/" + id + "/violations", "holder").json().toString())
                .doesNotContain("\"blocking\":true");

        assertThat(api.post("/api/catalogue/datasets/" + id + "/transitions", "holder", "{\"action\": \"submit\"}")
                .json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(api.post("/api/catalogue/datasets/" + id + "/publish", "holder", null).status())
                .as("holders do not publish their own").isEqualTo(403);
        var queue = api.get("/api/catalogue/publication-queue", "reviewer");
        assertThat(queue.body()).contains(identifier);

        var published = api.post("/api/catalogue/datasets/" + id + "/publish", "reviewer", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(api.get("/api/catalogue/datasets/" + id, null).status()).as("public metadata").isEqualTo(200);

        var again = api.post("/api/catalogue/datasets/" + id + "/transitions", "holder", "{\"action\": \"submit\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("catalogue.invalid_transition");

        var history = api.get("/api/catalogue/datasets/" + id + "/history", "holder");
        assertThat(history.json().size()).isEqualTo(2);
        assertThat(history.json().get(1).get("to").asString()).isEqualTo("PUBLISHED");
        assertThat(auditActions(id)).contains("catalogue.dataset_created", "catalogue.dataset_updated",
                "catalogue.dataset_submitted", "catalogue.dataset_published");
    }

    @Test
    void the_hdab_returns_a_submission_only_with_a_reason_and_only_holders_write() {
        String id = submitted("TEST-" + UUID.randomUUID());
        var silent = api.post("/api/catalogue/datasets/" + id + "/transitions", "reviewer",
                "{\"action\": \"return\"}");
        assertThat(silent.status()).isEqualTo(422);
        assertThat(silent.json().get("code").asString()).isEqualTo("catalogue.reason_required");
        var returned = api.post("/api/catalogue/datasets/" + id + "/transitions", "reviewer",
                "{\"action\": \"return\", \"reason\": \"Préciser la population couverte.\"}");
        assertThat(returned.json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(api.get("/api/catalogue/datasets/" + id + "/history", "holder").body())
                .contains("Préciser la population couverte.");
        assertThat(api.post("/api/catalogue/datasets/" + id + "/transitions", "reviewer",
                "{\"action\": \"submit\"}").status()).as("the HDAB does not submit for the holder").isEqualTo(403);
        assertThat(api.put("/api/catalogue/datasets/" + id, "admin", "{}").status()).isEqualTo(403);
    }

    @Test
    void a_yearly_check_falls_due_and_the_holders_confirmation_clears_it() {
        String id = submitted("TEST-" + UUID.randomUUID());
        jdbc.sql("update dataset set last_checked_at = now() - interval '13 months' where id = ?")
                .param(UUID.fromString(id)).update();
        var due = api.get("/api/catalogue/holder/checks-due", "holder");
        assertThat(due.body()).contains(id);
        assertThat(due.json().toString()).contains("\"overdue\":true");
        assertThat(api.post("/api/catalogue/datasets/" + id + "/check", "holder", null).status()).isEqualTo(200);
        assertThat(api.get("/api/catalogue/holder/checks-due", "holder").body()).doesNotContain(id);
    }

    @Test
    void a_signed_in_user_fills_a_basket_with_published_datasets_and_their_variables() {
        String identifier = "TEST-" + UUID.randomUUID();
        String id = submitted(identifier);
        assertThat(api.put("/api/basket/" + id, "alice", null).status()).as("not published yet").isEqualTo(404);
        api.post("/api/catalogue/datasets/" + id + "/publish", "reviewer", null);

        DatasetDescription d = DatasetDescriptions.aValidNonPublicDataset();
        String variable = d.variables().get(0).toString();
        var basket = api.put("/api/basket/" + id, "alice", "{\"variables\": [\"" + variable + "\"]}");
        assertThat(basket.status()).isEqualTo(200);
        assertThat(basket.json().get(0).get("variables").get(0).asString()).isEqualTo(variable);
        var unknown = api.put("/api/basket/" + id, "alice", "{\"variables\": [\"NO_TABLE.NO_COLUMN\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("code").asString()).isEqualTo("catalogue.variable_unknown");
        assertThat(api.get("/api/basket", "bob").body()).as("baskets are personal").doesNotContain(id);
        assertThat(api.send("DELETE", "/api/basket/" + id, "alice", null).json().size()).isZero();
    }

    private String submitted(String identifier) {
        var created = api.post("/api/catalogue/datasets", "holder",
                DescriptionsAsJson.aValidNonPublicDataset(identifier));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var submitted = api.post("/api/catalogue/datasets/" + id + "/transitions", "holder",
                "{\"action\": \"submit\"}");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private java.util.List<String> auditActions(String id) {
        return jdbc.sql("select action from audit_event where object_id = ? order by seq").param(id)
                .query(String.class).list();
    }

}
