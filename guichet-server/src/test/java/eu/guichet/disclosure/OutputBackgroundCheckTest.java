package eu.guichet.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import eu.guichet.disclosure.internal.OutputCheckRunner;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.workspace.WorkspaceFixture;

/** A check longer than {@code guichet.disclosure.check-wait} (here: any) finishes in the background. */
@GuichetIntegrationTest
@TestPropertySource(properties = "guichet.disclosure.check-wait=0s")
class OutputBackgroundCheckTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @Autowired
    OutputCheckRunner runner;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_request_answers_submitted_and_the_checks_end_in_the_background() {
        Api api = new Api(port);
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-BACKGROUND"));
        var r = f.request(f.saveQuery("Stays", OutputFixture.ALL_STAYS), "Stays by length of stay");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isIn("SUBMITTED", "CHECKED");
        String id = r.json().get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/outputs/" + id, "checker1").json().get("status").asString()).isEqualTo("CHECKED"));
        assertThat(api.get("/api/outputs/" + id, "checker1").json().get("cells").size()).isEqualTo(8);
        assertThat(api.get("/api/notifications", "checker2").body()).contains("/hdab/outputs/" + id);
    }

    @Test
    void a_check_a_stop_interrupted_runs_again_at_start() {
        Api api = new Api(port);
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-RESUMED"));
        var r = f.request(f.saveQuery("Stays", OutputFixture.ALL_STAYS), "Stays by length of stay");
        String id = r.json().get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/outputs/" + id, "checker1").json().get("status").asString()).isEqualTo("CHECKED"));
        // what a stop during the check leaves: the request SUBMITTED, no result recorded
        jdbc.sql("update output_request set status = 'SUBMITTED' where id = ?").param(java.util.UUID.fromString(id))
                .update();

        assertThat(runner.resumeInterrupted()).isGreaterThanOrEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/outputs/" + id, "checker1").json().get("status").asString()).isEqualTo("CHECKED"));
        assertThat(api.get("/api/outputs/" + id, "checker1").json().get("cells").size()).isEqualTo(8);
    }
}
