package eu.guichet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import eu.guichet.dataplane.engine.DuckDbSandbox;
import eu.guichet.dataplane.engine.SandboxLimits;
import eu.guichet.dataplane.engine.WorkspaceDirectory;

/**
 * Analytic queries through the workspace sandbox ({@link WorkspaceDirectory#open}: locked session, extract attached
 * read-only, scratch database, timeout, row cap with the total counted) against raw DuckDB JDBC on the same extract
 * file, same threads and memory limit, every row of every result read in both.
 */
final class WorkspaceBench {

    static final String MEMORY = "2GB";
    static final int PREVIEW = 100;

    static final List<String> QUERIES = List.of(
            "SELECT year(DATE_SOINS) AS y, count(*) AS n, sum(MONTANT) AS total FROM EVENTS GROUP BY y ORDER BY y",
            "SELECT ACTE, count(*) AS n, count(DISTINCT person_id) AS persons FROM EVENTS GROUP BY ACTE"
                    + " ORDER BY n DESC LIMIT 20",
            "SELECT person_id, count(*) AS n, sum(MONTANT) AS total FROM EVENTS GROUP BY person_id"
                    + " ORDER BY n DESC, person_id LIMIT 100",
            "SELECT SEX, BIRTH_YEAR // 10 * 10 AS decade, avg(MONTANT) AS mean, quantile_cont(MONTANT, 0.5) AS median"
                    + " FROM EVENTS GROUP BY ALL ORDER BY ALL",
            "SELECT avg(gap) FROM (SELECT date_diff('day', lag(DATE_SOINS) OVER (PARTITION BY person_id"
                    + " ORDER BY DATE_SOINS), DATE_SOINS) AS gap FROM EVENTS)");

    private WorkspaceBench() {
    }

    static List<BenchRow> run(BenchContext ctx, Path extract) throws Exception {
        Path root = Files.createDirectories(ctx.work().resolve("workspace"));
        Path rawCopy = root.resolve("raw-copy.duckdb");
        Files.copy(extract, rawCopy, StandardCopyOption.REPLACE_EXISTING);
        WorkspaceDirectory directory = new WorkspaceDirectory(root.resolve("ws"));
        SandboxLimits limits = new SandboxLimits(MEMORY, ctx.threads(), Duration.ofMinutes(30), PREVIEW, "20GB");
        Properties settings = new Properties();
        settings.setProperty("memory_limit", MEMORY);
        settings.setProperty("threads", Integer.toString(ctx.threads()));
        settings.setProperty("access_mode", "READ_ONLY");
        double ours = Double.MAX_VALUE;
        double raw = Double.MAX_VALUE;
        long sink = 0;
        try (DuckDbSandbox sandbox = directory.open(extract, limits);
                Connection c = DriverManager.getConnection("jdbc:duckdb:" + rawCopy, settings)) {
            for (int round = 0; round <= ctx.rounds() + 1; round++) { // rounds 0 and 1 warm up
                double o = 0;
                double r = 0;
                for (String sql : QUERIES) {
                    long t0 = System.nanoTime();
                    sink += sandbox.query(sql).totalRows();
                    o += (System.nanoTime() - t0) / 1e9;
                    t0 = System.nanoTime();
                    sink += readAll(c, sql);
                    r += (System.nanoTime() - t0) / 1e9;
                }
                if (round > 1) {
                    ours = Math.min(ours, o);
                    raw = Math.min(raw, r);
                }
            }
        }
        directory.deleteAll();
        double overhead = 100 * (ours / raw - 1);
        return List.of(new BenchRow("workspace", QUERIES.size() + " analytic queries through the sandbox vs raw"
                + " DuckDB JDBC", String.format("extract of %,d rows (%d MB)", rows(rawCopy),
                        Files.size(rawCopy) >> 20),
                ours, raw, String.format("%.1f queries/s", QUERIES.size() / ours),
                String.format("target ≤ 5 %% overhead: %+.1f %% — %s (result rows %d)", overhead,
                        overhead <= 5 ? "met" : "missed", sink)));
    }

    /** Runs the query and reads every row, the first {@value #PREVIEW} as strings, as the sandbox does. */
    private static long readAll(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            long n = 0;
            while (rs.next()) {
                if (n++ < PREVIEW) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getString(i);
                    }
                }
            }
            return n;
        }
    }

    private static long rows(Path database) throws Exception {
        Properties ro = new Properties();
        ro.setProperty("access_mode", "READ_ONLY");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database, ro);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM EVENTS")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
