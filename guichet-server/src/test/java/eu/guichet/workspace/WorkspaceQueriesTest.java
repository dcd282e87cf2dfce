package eu.guichet.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working in a workspace through the API (ARCHITECTURE.md security properties 2 to 4): a member queries the extract
 * and receives a capped preview counted against a daily budget; a non-member is refused; researcher SQL cannot leave
 * the sandbox; scratch tables, saved queries, history and jobs; output control re-runs a saved query in full.
 */
@GuichetIntegrationTest
class WorkspaceQueriesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @Autowired
    Workspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    Api api;
    Workspace workspace;
    String base;

    @BeforeEach
    void open() {
        api = new Api(port);
        workspace = workspaceFixture.open("WS-QUERIES");
        base = "/api/workspaces/" + workspace.id();
    }

    static String sql(String sql) {
        return JSON.writeValueAsString(Map.of("sql", sql));
    }

    @Test
    void a_member_reads_the_whole_extract_through_capped_previews() {
        assertThat(api.get("/api/workspaces", "alice").json().findValuesAsString("id"))
                .contains(workspace.id().toString());
        var count = api.post(base + "/queries", "alice", sql("select count(*) as n from stays"));
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        assertThat(count.json().get("rows").get(0).get(0).asString()).isEqualTo("250");

        var all = api.post(base + "/queries", "alice", sql("select * from stays order by stay_id"));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("columns").toString()).isEqualTo("[\"stay_id\",\"length_of_stay\",\"patient_id\"]");
        assertThat(all.json().get("rows").size()).as("the preview is capped").isEqualTo(100);
        assertThat(all.json().get("totalRows").asLong()).isEqualTo(250);
        assertThat(all.json().get("truncated").asBoolean()).isTrue();

        var joined = api.post(base + "/queries", "alice", sql("""
                select count(*) from extract.stays s join patients p using (patient_id)"""));
        assertThat(joined.json().get("rows").get(0).get(0).asString()).isEqualTo("250");

        var history = api.get(base + "/history", "alice").json();
        assertThat(history.get(0).get("sql").asString()).isEqualTo("""
                select count(*) from extract.stays s join patients p using (patient_id)""");
        assertThat(history.get(1).get("totalRows").asLong()).isEqualTo(250);
        assertThat(history.get(1).get("previewed").asInt()).isEqualTo(100);
        assertThat(history.toString()).as("the log holds no value").doesNotContain("P0001");

        String previews = jdbc.sql("select string_agg(details, ' ') from audit_event where action = 'workspace.preview' "
                + "and object_id = ?").param(workspace.id().toString()).query(String.class).single();
        assertThat(previews).contains("\"totalRows\":\"250\"").doesNotContain("P0001");
    }

    @Test
    void a_person_the_permit_does_not_name_is_refused() {
        assertThat(api.get(base, "bob").status()).isEqualTo(404);
        var refused = api.post(base + "/queries", "bob", sql("select * from patients"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("code").asString()).isEqualTo("workspace.not_found");
        assertThat(refused.body()).doesNotContain("P0001");
        assertThat(api.get("/api/workspaces", "bob").json().findValuesAsString("id"))
                .doesNotContain(workspace.id().toString());
        assertThat(api.post(base + "/queries", "holder", sql("select 1")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'workspace.entry_refused' "
                + "and object_id = ?").param(workspace.id().toString()).query(Long.class).single()).isPositive();
    }

    /** Security property 3 through the API: the same refusals as the data plane's escape catalogue. */
    @Test
    void researcher_sql_cannot_reach_files_extensions_or_settings() {
        for (String attempt : new String[] { "select * from read_csv('/etc/passwd')",
                "copy (select * from patients) to '" + dir.resolve("leak.csv") + "'",
                "attach '" + dir.resolve("other.duckdb") + "' as other", "install httpfs",
                "set enable_external_access = true", "insert into extract.stays values (1, 1, 1)" }) {
            var refused = api.post(base + "/queries", "alice", sql(attempt));
            assertThat(refused.status()).as(attempt).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).as(attempt).isEqualTo("workspace.query_refused");
        }
        assertThat(api.post(base + "/queries", "alice", sql("select * from read_text('/etc/hostname')")).json()
                .get("detail").asString()).contains("file system operations are disabled by configuration");
        assertThat(dir.resolve("leak.csv")).doesNotExist();
        assertThat(api.get(base + "/history", "alice").json().get(0).get("outcome").asString())
                .isEqualTo("REFUSED");
    }

    /** Security property 4: what reaches a client is a preview, counted and capped by a daily budget. */
    @Test
    void previews_are_counted_against_a_daily_budget_that_the_hdab_lifts() {
        UUID alice = jdbc.sql("select id from app_user where username = 'alice'").query(UUID.class).single();
        long left = workspaces.budgetLeft(new eu.guichet.security.UserId(alice));
        jdbc.sql("""
                insert into workspace_query_log (id, workspace_id, user_id, kind, started_at, duration_ms, sql_text,
                                                 total_rows, previewed, outcome)
                values (?, ?, ?, 'QUERY', now(), 1, 'select earlier previews', ?, ?, 'OK')""")
                .params(UUID.randomUUID(), workspace.id().value(), alice, left - 50, left - 50).update();

        var capped = api.post(base + "/queries", "alice", sql("select * from stays"));
        assertThat(capped.status()).as(capped.body()).isEqualTo(200);
        assertThat(capped.json().get("rows").size()).as("the rest of the budget").isEqualTo(50);
        assertThat(capped.json().get("budgetLeft").asLong()).isZero();
        var exhausted = api.post(base + "/queries", "alice", sql("select 1"));
        assertThat(exhausted.status()).isEqualTo(403);
        assertThat(exhausted.json().get("code").asString()).isEqualTo("workspace.preview_budget_exhausted");

        assertThat(api.post("/api/workspaces/preview-budgets/" + alice + "/lift", "alice", null).status())
                .isEqualTo(403);
        String lift = "/admin/users/" + alice + "/preview-budget/lift";
        assertThat(BrowserSession.signedIn(port, "alice").submit("/workspaces", lift, Map.of()).statusCode())
                .as("only an HDAB administrator lifts a budget").isEqualTo(403);
        // the administrator's button on the users page
        BrowserSession admin = BrowserSession.signedIn(port, "admin");
        assertThat(admin.get("/admin/users?lang=en").body()).contains("action=\"" + lift + "\"")
                .contains("Lift the daily preview budget of alice");
        var lifted = admin.submit("/admin/users", lift, Map.of());
        assertThat(lifted.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users?lang=en").body())
                .contains("The daily preview budget of alice is lifted");
        assertThat(api.post(base + "/queries", "alice", sql("select 1")).status()).isEqualTo(200);
        // and through the API
        assertThat(api.post("/api/workspaces/preview-budgets/" + alice + "/lift", "admin", null).status())
                .isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'workspace.budget_lifted'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void scratch_tables_stay_in_the_workspace_between_queries() {
        assertThat(api.post(base + "/queries", "alice",
                sql("create table long_stays as select * from stays where length_of_stay > 5")).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/queries", "alice", sql("select count(*) from long_stays")).json().get("rows")
                .get(0).get(0).asString()).isEqualTo("35");
        assertThat(api.get(base + "/tables", "alice").json().toString()).contains("scratch.long_stays",
                "extract.stays", "extract.patients");
    }

    @Test
    void saved_queries_are_kept_and_re_run_in_full_for_output_control() throws Exception {
        var created = api.post(base + "/saved-queries", "alice",
                "{\"name\": \"All stays\", \"sql\": \"select * from stays order by stay_id\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.get(base + "/saved-queries", "alice").json().findValuesAsString("name")).contains("All stays");
        assertThat(api.put(base + "/saved-queries/" + id, "alice",
                "{\"name\": \"Every stay\", \"sql\": \"select * from stays order by stay_id\"}").status()).isEqualTo(200);
        assertThat(api.get(base + "/saved-queries/" + id, "bob").status()).isEqualTo(404);

        Path out = dir.resolve("disclosure.csv");
        DisclosureRun run = workspaces.runForDisclosure(workspace.id(), UUID.fromString(id), out);
        assertThat(run.rows()).isEqualTo(250);
        assertThat(run.columns()).containsExactly("stay_id", "length_of_stay", "patient_id");
        assertThat(Files.readAllLines(out)).hasSize(251).startsWith("stay_id,length_of_stay,patient_id", "1,1,2");
        assertThat(api.get(base + "/history", "alice").json().get(0).get("kind").asString()).isEqualTo("DISCLOSURE");

        assertThat(api.send("DELETE", base + "/saved-queries/" + id, "alice", null).status()).isEqualTo(204);
        assertThat(api.get(base + "/saved-queries/" + id, "alice").status()).isEqualTo(404);
    }

    @Test
    void a_job_runs_a_script_in_the_background_with_its_progress() {
        var job = api.post(base + "/jobs", "alice", JSON.writeValueAsString(Map.of("script", """
                create table by_length as select length_of_stay, count(*) as n from stays group by 1;
                -- a comment; then another statement
                create table by_patient as select patient_id, count(*) as n from stays group by 1;
                select count(*) from by_patient""")));
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        assertThat(job.json().get("statements").asInt()).isEqualTo(3);
        String jobPath = base + "/jobs/" + job.json().get("id").asString();
        var done = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(jobPath, "alice").json(),
                j -> !j.get("status").asString().equals("RUNNING"));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("done").asInt()).isEqualTo(3);
        assertThat(api.post(base + "/queries", "alice", sql("select sum(n) from by_length")).json().get("rows")
                .get(0).get(0).asString()).isEqualTo("250");

        var failing = api.post(base + "/jobs", "alice", JSON.writeValueAsString(Map.of("script",
                "create table x as select 1; select * from no_such_table")));
        String failingPath = base + "/jobs/" + failing.json().get("id").asString();
        var failed = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(failingPath, "alice")
                .json(), j -> !j.get("status").asString().equals("RUNNING"));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("done").asInt()).isEqualTo(1);
        assertThat(failed.get("problem").asString()).contains("no_such_table");
    }

    @Test
    void a_member_cancels_a_running_job() {
        var job = api.post(base + "/jobs", "alice", JSON.writeValueAsString(Map.of("script",
                "create table slow as select count(*) from range(100000000000) a where a.range % 3 = 7; select 1")));
        assertThat(job.status()).as(job.body()).isEqualTo(202);
        String jobPath = base + "/jobs/" + job.json().get("id").asString();
        assertThat(api.post(jobPath + "/cancel", "bob", null).status()).isEqualTo(404);
        var cancelled = Awaitility.await().atMost(Duration.ofSeconds(60)).until(
                () -> api.post(jobPath + "/cancel", "alice", null).json(),
                j -> !j.get("status").asString().equals("RUNNING"));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("done").asInt()).isZero();
        assertThat(api.post(base + "/queries", "alice", sql("select count(*) from stays")).status()).isEqualTo(200);
    }
}
