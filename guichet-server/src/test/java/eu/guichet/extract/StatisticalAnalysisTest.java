package eu.guichet.extract;

import static eu.guichet.extract.ExtractJourneys.FHIR_VARIABLES;
import static eu.guichet.extract.ExtractJourneys.JSON;
import static eu.guichet.extract.ExtractJourneys.everyone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.access.AccessJourneys;
import eu.guichet.access.Analysis;
import eu.guichet.access.ApplicationForms;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.PermitId;
import eu.guichet.access.StatisticalAnswers;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * A statistical answer's analysis on the Synthea population, for alice's granted data request (EHDS Art. 69): the
 * analyst's first assignment opens it, its extract is built from the request's scope (pseudonymised) as a permit's is,
 * its workspace opens for the analyst only (not the applicant), a takeover does not open a second one; the analyst's
 * output goes through the checks and two independent reviews (never the analyst's own), and once released the
 * applicant downloads it, the answer is closed and the workspace locked.
 */
@GuichetIntegrationTest
class StatisticalAnalysisTest {

    @LocalServerPort
    int port;

    @Value("${guichet.extract.dir}")
    Path extractDir;

    @Autowired
    StatisticalAnswers statisticalAnswers;

    @Autowired
    Extracts extracts;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    Api api;
    ExtractJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new ExtractJourneys(api, extractDir);
    }

    @Test
    void the_first_assignment_opens_an_analysis_with_its_extract_and_a_workspace_for_the_analyst_until_the_release()
            throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        String application = dataRequestGranted(dataset);

        var analyst = BrowserSession.signedIn(port, "analyst");
        assertThat(analyst.submit("/hdab/statistics", "/hdab/statistics/" + application + "/assignment", Map.of())
                .statusCode()).isEqualTo(302);
        UUID analysisId = jdbc.sql("select analysis_id from statistical_answer where application_id = ?")
                .param(UUID.fromString(application)).query(UUID.class).single();
        PermitId analysis = new PermitId(analysisId);
        UUID analystId = identity.findUserByUsername("analyst").orElseThrow().id().value();
        Analysis opened = statisticalAnswers.analysisOf(analysis).orElseThrow();
        assertThat(opened.applicationId()).isEqualTo(ApplicationId.parse(application));
        assertThat(opened.open()).isTrue();
        assertThat(opened.analyst().orElseThrow().value()).isEqualTo(analystId);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> extracts.find(analysis).map(e -> e.status() == ExtractStatus.READY).orElse(false));
        assertThat(extracts.find(analysis).orElseThrow().scope()).contains("PSEUDONYMISED");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "OPEN".equals(workspaceStatus(analysisId)));
        assertThat(jdbc.sql("select m.user_id from workspace_member m join workspace w on w.id = m.workspace_id "
                + "where w.permit_id = ?").param(analysisId).query(UUID.class).list()).containsExactly(analystId);

        // taken over: the same analysis, no second extract
        assertThat(analyst.submit("/hdab/statistics", "/hdab/statistics/" + application + "/assignment", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select analysis_id from statistical_answer where application_id = ?")
                .param(UUID.fromString(application)).query(UUID.class).single()).isEqualTo(analysisId);
        assertThat(extracts.find(analysis).orElseThrow().version()).isEqualTo(1);

        // the analyst works in the workspace; the applicant does not enter it
        String workspace = jdbc.sql("select id from workspace where permit_id = ?").param(analysisId)
                .query(UUID.class).single().toString();
        assertThat(api.get("/api/workspaces/" + workspace, "alice").status()).isEqualTo(404);
        assertThat(analyst.get("/hdab/statistics?lang=en").body()).contains("id=\"analysis-" + application + "\"")
                .contains("href=\"/workspaces\"");
        assertThat(analyst.get("/workspaces").body()).contains("/workspaces/" + workspace);
        var saved = api.post("/api/workspaces/" + workspace + "/saved-queries", "analyst",
                JSON.writeValueAsString(Map.of("name", "Persons by sex", "sql", "select person_id, sex from patient")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        var requested = api.post("/api/workspaces/" + workspace + "/outputs", "analyst", JSON.writeValueAsString(Map.of(
                "savedQueryId", saved.json().get("id").asString(), "description", "Persons by sex",
                "dimensions", List.of("sex"), "contributor", "person_id")));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json().get("status").asString()).isEqualTo("CHECKED");
        String output = requested.json().get("id").asString();

        // the same checks and two independent reviews; the analyst reviews nothing they asked for
        assertThat(api.post("/api/outputs/" + output + "/reviews", "analyst", review()).status()).isEqualTo(403);
        // not the applicant's before the release
        assertThat(api.get("/api/outputs/" + output + "/file", "alice").status()).isEqualTo(404);
        for (String checker : List.of("checker1", "checker2")) {
            var r = api.post("/api/outputs/" + output + "/reviews", checker, review());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }

        // released: the applicant downloads the answer, nobody else; the answer is closed
        var file = api.get("/api/outputs/" + output + "/file", "alice");
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.body()).contains("sex");
        assertThat(api.get("/api/outputs/" + output + "/file", "bob").status()).isEqualTo(404);
        assertThat(jdbc.sql("select status || ' ' || output_ref from statistical_answer where application_id = ?")
                .param(UUID.fromString(application)).query(String.class).single()).isEqualTo("ANSWERED " + output);
        var alice = BrowserSession.signedIn(port, "alice");
        assertThat(alice.get("/applications/" + application + "?lang=en").body())
                .contains("Download the statistical answer").contains("/outputs/" + output + "/file");
        assertThat(alice.get("/outputs/" + output + "/file").statusCode()).isEqualTo(200);
        var notices = api.send("GET", "/api/notifications", "alice", null, Map.of("Accept-Language", "en"));
        assertThat(notices.body()).contains("The statistical answer to").contains("is released");
        assertThat(analyst.get("/hdab/statistics").body()).doesNotContain("id=\"answer-" + application + "\"");
        assertThat(statisticalAnswers.analysisOf(analysis).orElseThrow().open()).isFalse();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> "LOCKED".equals(workspaceStatus(analysisId)));
        assertThat(jdbc.sql("select lock_reason from workspace where permit_id = ?").param(analysisId)
                .query(String.class).single()).isEqualTo("ANSWERED");
    }

    private static String review() {
        return JSON.writeValueAsString(Map.of("decision", "APPROVE", "comment", ""));
    }

    private String workspaceStatus(UUID analysisId) {
        return jdbc.sql("select status from workspace where permit_id = ?").param(analysisId).query(String.class)
                .optional().orElse(null);
    }

    /** Alice's data request (Art. 69) over the Synthea variables, granted: no permit, a statistical answer owed. */
    private String dataRequestGranted(DatasetId dataset) {
        ObjectNode form = (ObjectNode) JSON.readTree(ApplicationForms.aCompleteForm()
                .forDataset(dataset, "SYNTHEA", FHIR_VARIABLES).json());
        form.set("population", everyone());
        form.put("requestedStatistics", "Persons by sex");
        var created = api.post("/api/applications", "alice", "{\"kind\": \"DATA_REQUEST\", \"form\": " + form + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/applications/" + id + "/submit", "alice", null).status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + id + "/transitions", "reviewer", "{\"action\": \"accept\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + id + "/assessment", "reviewer",
                "{\"recommendation\": \"GRANTED\", \"criteria\": [{\"criterion\": \"PURPOSE\", \"verdict\": \"MET\"}]}")
                .status()).isEqualTo(200);
        var decided = api.post("/api/applications/" + id + "/decision", "decider",
                "{\"outcome\": \"GRANTED\", \"justification\": \"Anonymised counts answer it.\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        var permitId = api.get("/api/applications/" + id, "alice").json().path("permitId");
        assertThat(permitId.isNull() || permitId.isMissingNode()).as("a data request has no permit").isTrue();
        return id;
    }
}
