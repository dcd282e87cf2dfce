package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The access procedure through the API (API.md paths): draft → incomplete → completed → screened → accepted →
 * assessed → granted, with the clocks, the decision document's hash, the permit, and the refusals on the way.
 */
@GuichetIntegrationTest
class ApplicationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private DatasetId dataset;

    @BeforeEach
    void publishADataset() {
        api = new Api(port);
        dataset = AccessJourneys.publishedDataset(api, "ACCESS");
    }

    @Test
    void an_application_goes_from_draft_to_permit_with_its_clocks_history_and_decision_document() throws Exception {
        var draft = api.post("/api/applications", "alice", "{\"kind\": \"DATA_ACCESS\", \"form\": "
                + ApplicationForms.anIncompleteForm().forDataset(dataset, "ACC", "ER_PRS_F.BEN_NIR_PSA").json() + "}");
        assertThat(draft.status()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        assertThat(draft.json().get("status").asString()).isEqualTo("DRAFT");

        var incomplete = api.post("/api/applications/" + id + "/submit", "alice", null);
        assertThat(incomplete.status()).isEqualTo(200);
        assertThat(incomplete.json().get("status").asString()).isEqualTo("AWAITING_ADDITIONAL_INFORMATION");
        assertThat(codes(incomplete.json())).contains("missing_purposes", "missing_intended_use", "missing_team");
        assertThat(incomplete.json().get("clock").get("period").asString()).isEqualTo("COMPLETION");
        assertThat(incomplete.json().get("dueAt").isNull()).isFalse();

        int revision = incomplete.json().get("revision").asInt();
        var saved = api.put("/api/applications/" + id, "alice", "{\"revision\": " + revision + ", \"form\": "
                + ApplicationForms.aCompleteForm().forDataset(dataset, "ACC", "ER_PRS_F.BEN_NIR_PSA").json() + "}");
        assertThat(saved.status()).isEqualTo(200);
        var stale = api.put("/api/applications/" + id, "alice", "{\"revision\": " + revision + ", \"form\": "
                + ApplicationForms.aCompleteForm().forDataset(dataset, "ACC").json() + "}");
        assertThat(stale.status()).isEqualTo(409);

        var screened = api.post("/api/applications/" + id + "/submit", "alice", null);
        assertThat(screened.json().get("status").asString()).isEqualTo("PRE_SCREENING");
        assertThat(screened.json().get("clock").get("period").asString()).isEqualTo("DECISION");
        assertThat(screened.json().get("clockStopped").asBoolean()).isFalse();

        assertThat(api.post("/api/applications/" + id + "/submit", "alice", null).status()).isEqualTo(409);
        assertThat(transition(id, "bob", "accept", null).status()).isEqualTo(404);
        assertThat(transition(id, "alice", "accept", null).status()).isEqualTo(403);
        assertThat(transition(id, "reviewer", "accept", null).json().get("status").asString())
                .isEqualTo("PROCESSING");
        assertThat(transition(id, "reviewer", "extend", null).status()).isEqualTo(422);
        var extended = transition(id, "reviewer", "extend", "Linkage of three sources needs a technical review.");
        assertThat(extended.json().get("clock").get("extended").asBoolean()).isTrue();
        assertThat(transition(id, "reviewer", "extend", "again").status()).isEqualTo(409);

        var assessed = api.post("/api/applications/" + id + "/assessment", "reviewer", """
                {"criteria": [{"criterion": "PURPOSE", "verdict": "MET"}, {"criterion": "NECESSITY", "verdict": "MET",
                  "comment": "each variable justified"}], "recommendation": "GRANTED", "summary": "Sound."}""");
        assertThat(assessed.status()).isEqualTo(200);
        assertThat(assessed.json().get("assessment").get("recommendation").asString()).isEqualTo("GRANTED");

        assertThat(api.post("/api/applications/" + id + "/decision", "decider", "{\"outcome\": \"GRANTED\"}")
                .status()).isEqualTo(422);
        var decided = api.post("/api/applications/" + id + "/decision", "decider", """
                {"outcome": "GRANTED", "justification": "Purpose (e), minimised variables, sound safeguards.",
                 "durationMonths": 24, "speTools": "SQL console", "conditions": "Publish within 18 months."}""");
        assertThat(decided.status()).isEqualTo(201);
        JsonNode application = decided.json();
        assertThat(application.get("status").asString()).isEqualTo("DECISION_ISSUED");
        assertThat(application.get("history")).extracting(h -> h.get("action").asString()).containsExactly(
                "submit", "return_incomplete", "submit", "screen", "accept", "extend", "decide");

        String sha = application.get("decision").get("documentSha256").asString();
        var document = api.send("GET", "/api/applications/" + id + "/decision/document", "alice", null,
                java.util.Map.of("Accept", "text/html"));
        assertThat(document.status()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(document.body().getBytes(StandardCharsets.UTF_8)))).isEqualTo(sha);
        var pdf = api.send("GET", "/api/applications/" + id + "/decision/document", "alice", null,
                java.util.Map.of("Accept", "application/pdf"));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'access.decision_issued' and details like ?")
                .param("%" + sha + "%").query(Long.class).single()).isEqualTo(1);

        String permitId = application.get("permitId").asString();
        var permit = api.get("/api/permits/" + permitId, "alice");
        assertThat(permit.status()).isEqualTo(200);
        assertThat(permit.json().get("permit").get("status").asString()).isEqualTo("GRANTED");
        JsonNode scope = permit.json().get("permit").get("terms").get("scope");
        assertThat(scope.get("datasets").get(0).get("variables").get(0).asString()).isEqualTo("ER_PRS_F.BEN_NIR_PSA");
        assertThat(scope.get("form").asString()).isEqualTo("PSEUDONYMISED");
        assertThat(api.get("/api/permits/" + permitId, "bob").status()).isEqualTo(404);
        assertThat(api.post("/api/applications/" + id + "/decision", "decider",
                "{\"outcome\": \"REFUSED\", \"justification\": \"twice\"}").status()).isEqualTo(409);
    }

    @Test
    void a_purpose_reserved_to_public_bodies_sends_a_company_back_and_a_refusal_states_its_reasons() {
        var draft = api.post("/api/applications", "bob", "{\"kind\": \"DATA_ACCESS\", \"form\": "
                + ApplicationForms.aCompleteForm().forDataset(dataset, "ACC", "T.C").withPurposes(
                        Purpose.OFFICIAL_STATISTICS).withTeam(new ApplicationForm.TeamMember("bob", "PI", true))
                        .json() + "}");
        String id = draft.json().get("id").asString();
        var screened = api.post("/api/applications/" + id + "/submit", "bob", null);
        assertThat(screened.json().get("status").asString()).isEqualTo("AWAITING_ADDITIONAL_INFORMATION");
        assertThat(codes(screened.json())).containsExactly("purpose_reserved_to_public_sector");

        assertThat(api.post("/api/applications/" + id + "/withdraw", "alice", null).status()).isEqualTo(404);
        var withdrawn = api.post("/api/applications/" + id + "/withdraw", "bob", null);
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.json().get("clock").isNull() || withdrawn.json().get("clock").isMissingNode()).isTrue();
    }

    @Test
    void words_of_a_prohibited_use_are_flagged_for_the_reviewer_not_refused() {
        var draft = api.post("/api/applications", "bob", "{\"kind\": \"DATA_ACCESS\", \"form\": "
                + ApplicationForms.aCompleteForm().forDataset(dataset, "ACC", "T.C")
                        .withIntendedUse("Set insurance premiums from claims history.")
                        .withTeam(new ApplicationForm.TeamMember("bob", "PI", true)).json() + "}");
        String id = draft.json().get("id").asString();
        var screened = api.post("/api/applications/" + id + "/submit", "bob", null);
        assertThat(screened.json().get("status").asString()).isEqualTo("PRE_SCREENING");
        assertThat(codes(screened.json())).containsExactly("prohibited_insurance");
    }

    private Api.Response transition(String id, String user, String action, String reason) {
        return api.post("/api/applications/" + id + "/transitions", user, "{\"action\": \"" + action + "\""
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}");
    }

    private static java.util.List<String> codes(JsonNode application) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        application.get("findings").forEach(f -> codes.add(f.get("code").asString()));
        return codes;
    }
}
