package eu.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code query}: submits SQL to a workspace and prints the preview the API returns (tab-separated, at most the
 * workspace's preview rows, with the total count); with {@code --job}, runs a script in the background and follows
 * its progress ({@code --file} reads the SQL from a file). Results of any size stay in the workspace as scratch
 * tables.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run SQL in one of your workspaces and print the preview (or run a script as a job).")
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions connection;

    @Option(names = "--workspace", required = true, description = "the workspace's id (UUID)")
    String workspace;

    @Option(names = "--job", description = "run the SQL as a background job (several statements) and wait for it")
    boolean job;

    @Option(names = "--wait-minutes", defaultValue = "60", description = "how long --job waits (default ${DEFAULT-VALUE})")
    long waitMinutes;

    @Option(names = "--file", description = "read the SQL from this file instead")
    Path file;

    @Parameters(arity = "0..1", paramLabel = "SQL", description = "the SQL (or give --file)")
    String sql;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((sql == null) == (file == null)) {
            err.println("Give the SQL or --file, not both.");
            return 2;
        }
        String text = file != null ? Files.readString(file) : sql;
        Optional<ApiClient> client = connection.client(err);
        if (client.isEmpty()) {
            return 2;
        }
        ApiClient api = client.get();
        String base = "/api/workspaces/" + workspace;
        if (job) {
            return runJob(api, base, text, out, err);
        }
        ApiClient.Response answer = api.json("POST", base + "/queries", Map.of("sql", text));
        if (answer.status() != 200) {
            err.println("Query refused: " + answer.problem());
            return 1;
        }
        JsonNode preview = answer.body();
        out.println(String.join("\t", strings(preview.get("columns"))));
        for (JsonNode row : preview.get("rows")) {
            out.println(String.join("\t", strings(row)));
        }
        out.println("-- " + preview.get("rows").size() + " of " + preview.get("totalRows").asLong() + " rows, "
                + preview.get("durationMs").asLong() + " ms; " + preview.get("budgetLeft").asLong()
                + " preview rows left today");
        return 0;
    }

    private int runJob(ApiClient api, String base, String script, PrintWriter out, PrintWriter err) throws Exception {
        ApiClient.Response submitted = api.json("POST", base + "/jobs", Map.of("script", script));
        if (submitted.status() != 202) {
            err.println("Job refused: " + submitted.problem());
            return 1;
        }
        String path = base + "/jobs/" + submitted.body().get("id").asText();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(waitMinutes));
        int shown = -1;
        while (Instant.now().isBefore(deadline)) {
            JsonNode j = api.get(path).body();
            if (j.get("done").asInt() != shown) {
                shown = j.get("done").asInt();
                out.println("Job " + j.get("id").asText() + ": " + shown + "/" + j.get("statements").asInt());
            }
            String status = j.get("status").asText();
            if (!status.equals("RUNNING")) {
                out.println("Job " + status + (j.hasNonNull("problem") ? ": " + j.get("problem").asText() : ""));
                return status.equals("SUCCEEDED") ? 0 : 1;
            }
            Thread.sleep(1000);
        }
        err.println("Still running after " + waitMinutes + " minutes: " + path);
        return 1;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.isNull() ? "" : v.asText()));
        return values;
    }
}
