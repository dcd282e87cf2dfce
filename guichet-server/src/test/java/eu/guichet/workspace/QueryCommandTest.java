package eu.guichet.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.cli.GuichetCli;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/** The command line's {@code query} against the running server: a preview printed, a job followed, a refusal. */
@GuichetIntegrationTest
class QueryCommandTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @TempDir
    Path dir;

    @Test
    void query_prints_the_preview_and_job_runs_a_script() throws Exception {
        Workspace w = workspaceFixture.open("WS-CLI");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GuichetCli.run(new PrintWriter(out, true), new PrintWriter(err, true), command("alice",
                w.id().toString(), "select length_of_stay, count(*) as n from stays group by 1 order by 1"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("length_of_stay\tn\n0\t35\n1\t36\n").contains("-- 7 of 7 rows");

        Path script = dir.resolve("script.sql");
        Files.writeString(script, "create table cli_stays as select * from stays;\nselect count(*) from cli_stays;");
        StringWriter jobOut = new StringWriter();
        assertThat(GuichetCli.run(new PrintWriter(jobOut, true), new PrintWriter(err, true), command("alice",
                w.id().toString(), "--job", "--file", script.toString()))).as(err.toString()).isZero();
        assertThat(jobOut.toString()).contains("Job SUCCEEDED");

        StringWriter refused = new StringWriter();
        assertThat(GuichetCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(refused, true),
                command("bob", w.id().toString(), "select * from cli_stays"))).isEqualTo(1);
        assertThat(refused.toString()).contains("workspace.not_found");
    }

    private String[] command(String user, String workspace, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("query", "--server",
                "http://localhost:" + port, "--user", user, "--password", Api.DEMO_PASSWORD, "--workspace", workspace));
        args.addAll(java.util.List.of(more));
        return args.toArray(String[]::new);
    }
}
