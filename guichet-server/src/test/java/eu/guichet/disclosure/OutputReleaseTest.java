package eu.guichet.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.workspace.WorkspaceFixture;

/**
 * Output control through the API (ARCHITECTURE.md security properties 1 and 4): the checks re-run the saved query
 * and judge each cell; two independent checkers release the file, stored under its SHA-256, which only the permit's
 * members download while the permit is active. Removing any of these guards fails a test here.
 */
@GuichetIntegrationTest
class OutputReleaseTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @Autowired
    JdbcClient jdbc;

    @Value("${guichet.data-dir}")
    Path dataDir;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void two_independent_checkers_release_the_checked_table_which_members_download() throws Exception {
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-JOURNEY"));
        String id = f.checked(OutputFixture.ALL_STAYS);
        String base = "/api/outputs/" + id;

        var asChecker = api.get(base, "checker1").json();
        assertThat(asChecker.get("cells").size()).as("7 lengths of stay and their total").isEqualTo(8);
        assertThat(asChecker.get("cells").findValuesAsString("value")).isNotEmpty();
        var asRequester = api.get(base, "alice");
        assertThat(asRequester.status()).isEqualTo(200);
        assertThat(asRequester.json().get("cells").get(0).get("value").isNull())
                .as("the requester never sees the unsuppressed values").isTrue();

        var early = api.get(base + "/file", "alice");
        assertThat(early.status()).as("nothing leaves before two approvals").isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("disclosure.not_released");

        var first = api.post(base + "/reviews", "checker1", OutputFixture.review("APPROVE", "Fine."));
        assertThat(first.json().get("status").asString()).isEqualTo("IN_REVIEW");
        var again = api.post(base + "/reviews", "checker1", OutputFixture.review("APPROVE", ""));
        assertThat(again.status()).as("the same checker twice is not two checkers").isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("disclosure.already_reviewed");
        assertThat(api.get(base + "/file", "alice").status()).as("one approval releases nothing").isEqualTo(409);

        var second = api.post(base + "/reviews", "checker2", OutputFixture.review("APPROVE", ""));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("RELEASED");
        String sha = second.json().get("sha256").asString();

        var file = api.get(base + "/file", "alice");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).contains("attachment");
        assertThat(file.body()).startsWith("length_of_stay,count,note").contains("Total,250,");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(
                dataDir.resolve("outputs").resolve(sha + ".csv"))))).isEqualTo(sha);

        assertThat(api.get(base + "/file", "bob").status()).as("a non-member").isEqualTo(404);
        assertThat(api.get(base, "bob").status()).as("a non-member").isEqualTo(404);
        assertThat(api.get("/api/notifications", "alice").body()).contains("/outputs/" + id);
        assertThat(audited("output.released", id)).isEqualTo(1);

        String application = jdbc.sql("select application_id::text from permit where id = ?")
                .param(f.workspace.permitId().value()).query(String.class).single();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/register/" + application, null).json().get("permit").get("releasedOutputs").asInt())
                .as("the transparency register counts the release").isEqualTo(1));
    }

    @Test
    void small_cells_are_suppressed_with_their_reason_and_never_reach_the_file() {
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-SMALL"));
        String id = f.released(OutputFixture.FEW_STAYS);
        var output = api.get("/api/outputs/" + id, "alice").json();
        assertThat(output.get("cells").get(0).get("reasons").toString()).contains("below_threshold");
        assertThat(output.get("cells").get(0).get("outcome").asString()).isEqualTo("SUPPRESS");
        String csv = api.get("/api/outputs/" + id + "/file", "alice").body();
        assertThat(csv.lines().skip(1).filter(l -> !l.startsWith("Total")).toList())
                .allMatch(l -> l.endsWith(",,suppressed"));
    }

    @Test
    void the_requester_never_reviews_their_own_output() {
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-OWN"));
        String id = f.checked(OutputFixture.ALL_STAYS);
        // HDAB roles need the HDAB organisation, so no demo account both asks and checks; the guard must hold on its
        // own, whatever the roles: alice is given the checker role behind the identity module's back.
        java.util.UUID alice = java.util.UUID.fromString(api.get("/api/me", "alice").json().get("id").asString());
        jdbc.sql("insert into user_role (user_id, role) values (?, 'OUTPUT_CHECKER')").param(alice).update();
        try {
            var own = api.post("/api/outputs/" + id + "/reviews", "alice", OutputFixture.review("APPROVE", ""));
            assertThat(own.status()).as(own.body()).isEqualTo(403);
            assertThat(own.json().get("code").asString()).isEqualTo("disclosure.reviewer_not_independent");
            assertThat(api.get("/api/outputs/" + id, "alice").json().get("cells").get(0).get("value").isNull())
                    .as("a checker who asked for the output sees no more than a requester").isTrue();
        } finally {
            jdbc.sql("delete from user_role where user_id = ? and role = 'OUTPUT_CHECKER'").param(alice).update();
        }
        assertThat(api.get("/api/outputs/" + id, "checker1").json().get("status").asString()).isEqualTo("CHECKED");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'output.review_refused'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void an_expired_permit_stops_requests_and_downloads() {
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-EXPIRED"));
        String id = f.released(OutputFixture.ALL_STAYS);
        String saved = f.saveQuery("Later", OutputFixture.ALL_STAYS);
        jdbc.sql("update permit set valid_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), f.workspace.permitId().value()).update();

        var download = api.get("/api/outputs/" + id + "/file", "alice");
        assertThat(download.status()).as(download.body()).isEqualTo(409);
        assertThat(download.json().get("code").asString()).isEqualTo("disclosure.permit_inactive");
        var request = f.request(saved, "Later");
        assertThat(request.status()).as(request.body()).isEqualTo(409);
    }

    @Test
    void a_returned_request_is_resubmitted_and_reviewed_afresh() {
        OutputFixture f = new OutputFixture(api, workspaceFixture.open("OUT-RETURN"));
        String id = f.checked(OutputFixture.ALL_STAYS);
        String base = "/api/outputs/" + id;
        assertThat(api.post(base + "/reviews", "checker1", OutputFixture.review("RETURN", "")).status())
                .as("a return says why").isEqualTo(422);
        assertThat(api.post(base + "/reviews", "checker1", OutputFixture.review("RETURN", "Say what 0 days means."))
                .json().get("status").asString()).isEqualTo("RETURNED");
        var resubmitted = api.post(base + "/resubmission", "alice", "{\"description\": \"Day cases are 0 days.\"}");
        assertThat(resubmitted.json().get("status").asString()).isEqualTo("CHECKED");
        assertThat(resubmitted.json().get("round").asInt()).isEqualTo(2);
        assertThat(api.post(base + "/reviews", "checker1", OutputFixture.review("APPROVE", "")).status())
                .as("a new round: checker1 may review again").isEqualTo(200);
        assertThat(api.post(base + "/withdrawal", "alice", null).json().get("status").asString())
                .isEqualTo("WITHDRAWN");
        assertThat(api.post(base + "/reviews", "checker2", OutputFixture.review("APPROVE", "")).status())
                .isEqualTo(409);
        assertThat(List.of("output.returned", "output.resubmitted", "output.withdrawn"))
                .allMatch(a -> audited(a, id) == 1);
    }

    private long audited(String action, String id) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_id = ?").params(action, id)
                .query(Long.class).single();
    }
}
