package eu.guichet.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows about the server: its startup time (the server jar started in demo mode as a separate process, time to
 * Spring Boot's "Started" line), and the catalogue search figures of {@code CatalogueSearchBench} (the real
 * application over HTTP with PostgreSQL), read from the table that bench writes, optionally after running it.
 */
final class ServerBench {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    static final String CATALOGUE_RESULT = "guichet-server/target/bench-catalogue-search.md";
    static final String CATALOGUE_COMMAND = "mvn -B -ntp -o -q -pl guichet-dataplane,guichet-cli,guichet-server test"
            + " -Dtest=CatalogueSearchBench -Dsurefire.failIfNoSpecifiedTests=false -Dsynthea.skip";

    private ServerBench() {
    }

    static List<BenchRow> startup(BenchContext ctx) throws Exception {
        String what = "server startup (java -jar guichet-server.jar demo, to the \"Started\" line)";
        if (ctx.serverJar() == null || !Files.isRegularFile(ctx.serverJar())) {
            return List.of(BenchRow.notMeasured("startup", what, "no server jar at " + ctx.serverJar()
                    + " (./guichet demo or mvn package builds it)"));
        }
        Path dir = Files.createDirectories(ctx.work().resolve("server"));
        Process server = new ProcessBuilder("java", "-jar", ctx.serverJar().toString(), "demo", "--server.port=0")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        long t0 = System.nanoTime();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    double wall = (System.nanoTime() - t0) / 1e9;
                    return List.of(new BenchRow("startup", what, "demo data, embedded PostgreSQL", wall, Double.NaN,
                            "", "Spring reports " + m.group(1) + " s (context); wall clock includes the JVM and the"
                                    + " embedded PostgreSQL"));
                }
                if ((System.nanoTime() - t0) / 1e9 > 600) {
                    break;
                }
            }
            return List.of(BenchRow.notMeasured("startup", what, "the server did not report a start"));
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    /** Runs CatalogueSearchBench in the repository (a Maven child process) when asked, then reads its table. */
    static List<BenchRow> catalogue(BenchContext ctx, boolean runIt) throws Exception {
        String what = "catalogue search over HTTP, open loop (CatalogueSearchBench) vs Lucene TermQuery";
        if (runIt) {
            int exit = new ProcessBuilder(CATALOGUE_COMMAND.split(" ")).directory(ctx.repository().toFile())
                    .inheritIO().start().waitFor();
            if (exit != 0) {
                return List.of(BenchRow.notMeasured("catalogue", what, "CatalogueSearchBench failed (exit " + exit
                        + ")"));
            }
        }
        Path result = ctx.repository().resolve(CATALOGUE_RESULT);
        if (!Files.isRegularFile(result)) {
            return List.of(BenchRow.notMeasured("catalogue", what, "not run: add --catalogue, or run "
                    + CATALOGUE_COMMAND));
        }
        List<String> http = null;
        List<String> lucene = null;
        for (String line : Files.readAllLines(result)) {
            if (line.startsWith("| HTTP")) {
                http = cells(line);
            } else if (line.startsWith("| baseline")) {
                lucene = cells(line);
            }
        }
        if (http == null || lucene == null) {
            return List.of(BenchRow.notMeasured("catalogue", what, "unreadable " + result));
        }
        double p99 = Double.parseDouble(http.get(4));
        return List.of(new BenchRow("catalogue", what, http.get(1) + " requests (10,000 datasets by default)",
                p99 / 1000, Double.parseDouble(lucene.get(4)) / 1000, http.get(6) + " req/s",
                String.format(Locale.ROOT, "times are p99 (ratio: over HTTP ÷ Lucene alone in process); p50 %s ms;"
                        + " target p99 < 50 ms: %s; measured %s by CatalogueSearchBench", http.get(2),
                        p99 < 50 ? "met" : "missed",
                        Instant.ofEpochMilli(Files.getLastModifiedTime(result).toMillis()))));
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String c : line.split("\\|")) {
            cells.add(c.trim());
        }
        return cells.subList(1, cells.size());
    }
}
