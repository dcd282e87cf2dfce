package eu.guichet.dataplane.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pipeline steps expect of an {@link Engine}, stated on {@link DuckDbEngine}; another engine (Spark) is held
 * to the same contract by running these tests against it.
 */
@Tag("unit")
class EngineContractTest {

    @TempDir
    Path dir;

    private WorkSession open(Engine engine) {
        return engine.open(dir.resolve("work.duckdb"), dir.resolve("spill"));
    }

    @Test
    void streamsTenMillionRowsWithinAMemoryLimitFarBelowTheirSize() {
        // ~1 GB of rows through a session limited to 64 MB: only a stream gets them all to the handler
        AtomicLong rows = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        try (WorkSession s = open(DuckDbEngine.bounded("64MB", 1))) {
            s.forEachRow("SELECT range AS i, repeat('x', 90) || range AS padding FROM range(10000000)", row -> {
                rows.incrementAndGet();
                sum.addAndGet(row.longValue(1));
            });
        }
        assertThat(rows.get()).isEqualTo(10_000_000L);
        assertThat(sum.get()).isEqualTo(10_000_000L * (10_000_000L - 1) / 2);
    }

    @Test
    void appendsRowsInBatchesEvenWhileAQueryStreams() {
        try (WorkSession s = open(DuckDbEngine.defaults())) {
            s.execute("CREATE TABLE t (name VARCHAR, n BIGINT, x DOUBLE, ok BOOLEAN, d DATE)");
            try (Appender a = s.append(WorkSession.MAIN, "t")) {
                for (int i = 0; i < 100_000; i++) {
                    a.row("p" + i, (long) i, i / 2.0, i % 2 == 0, LocalDate.of(2024, 1, 1).plusDays(i % 365));
                }
                a.row(null, null, null, null, null);
            }
            assertThat(s.count("t")).isEqualTo(100_001L);
            assertThat(s.count("t WHERE name IS NULL AND n IS NULL")).isEqualTo(1L);
            assertThat(s.single("SELECT d FROM t WHERE n = 31")).contains("2024-02-01");

            s.execute("CREATE TABLE doubled (n BIGINT)");
            try (Appender a = s.append(WorkSession.MAIN, "doubled")) {
                s.forEachRow("SELECT n FROM t WHERE n IS NOT NULL", row -> a.row(row.longValue(1) * 2));
            }
            assertThat(s.single("SELECT max(n) FROM doubled")).contains("199998");
        }
    }

    @Test
    void appendersOpenedOnSeveralThreadsWriteIntoOneTableAtOnce() throws Exception {
        try (WorkSession s = open(DuckDbEngine.bounded("256MB", 2))) {
            s.execute("CREATE TABLE t (n BIGINT, tags VARCHAR[])");
            Thread[] threads = new Thread[3];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < threads.length; t++) {
                int first = t * 50_000;
                threads[t] = new Thread(() -> {
                    try (Appender a = s.append(WorkSession.MAIN, "t")) { // opened and used on this thread
                        for (int i = first; i < first + 50_000; i++) {
                            a.row((long) i, List.of("t" + i % 3));
                        }
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failure.get()).isNull();
            assertThat(s.count("t")).isEqualTo(150_000L);
            assertThat(s.single("SELECT count(DISTINCT n) FROM t WHERE n BETWEEN 0 AND 149999")).contains("150000");
        }
    }

    @Test
    void appendersOfOneSessionWriteTheirOwnTablesOnTheirOwnThreadsAtOnce() throws Exception {
        int tables = 4;
        int rows = 50_000;
        try (WorkSession s = open(DuckDbEngine.bounded("256MB", 2))) {
            for (int t = 0; t < tables; t++) {
                s.execute("CREATE TABLE t" + t + " (n BIGINT, v VARCHAR)");
            }
            ExecutorService pool = Executors.newFixedThreadPool(tables);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int t = 0; t < tables; t++) {
                    String table = "t" + t;
                    writes.add(pool.submit(() -> {
                        try (Appender a = s.append(WorkSession.MAIN, table)) {
                            for (long i = 0; i < rows; i++) {
                                a.row(i, table + "-" + i);
                            }
                        }
                    }));
                }
                for (Future<?> w : writes) {
                    w.get();
                }
            } finally {
                pool.shutdown();
            }
            for (int t = 0; t < tables; t++) {
                assertThat(s.count("t" + t)).isEqualTo(rows);
                assertThat(s.count("t" + t + " WHERE v <> 't" + t + "-' || n")).isZero();
                assertThat(s.single("SELECT sum(n) FROM t" + t)).contains(String.valueOf((long) rows * (rows - 1) / 2));
            }
        }
    }

    @Test
    void appendsIntoAnAttachedDatabase() {
        try (WorkSession s = open(DuckDbEngine.defaults())) {
            s.execute("ATTACH '" + dir.resolve("other.duckdb") + "' AS other");
            s.execute("CREATE TABLE other.main.t (v VARCHAR)");
            try (Appender a = s.append("other", "t")) {
                a.row("a").row("b");
            }
            assertThat(s.count("other.main.t")).isEqualTo(2L);
        }
    }

    @Test
    void writesParquetThatReadsBack() throws Exception {
        Path file = dir.resolve("out.parquet");
        try (WorkSession s = open(DuckDbEngine.defaults())) {
            s.writeParquet("SELECT range AS i, 'v' || range AS v FROM range(1000)", file);
            assertThat(Files.size(file)).isPositive();
            assertThat(s.count("read_parquet('" + file + "') WHERE v = 'v' || i")).isEqualTo(1000L);
            s.execute("CREATE TABLE back (i BIGINT, v VARCHAR)");
            assertThat(s.update("INSERT INTO back SELECT * FROM read_parquet('" + file + "')")).isEqualTo(1000L);
        }
    }

    @Test
    void singleValuesAndUpdates() {
        try (WorkSession s = open(DuckDbEngine.defaults())) {
            s.execute("CREATE TABLE t AS SELECT range AS i FROM range(10)");
            assertThat(s.update("DELETE FROM t WHERE i < 4")).isEqualTo(4L);
            assertThat(s.single("SELECT min(i) FROM t")).contains("4");
            assertThat(s.single("SELECT min(i) FROM t WHERE i > 100")).isEmpty();
            assertThat(s.single("SELECT i FROM t WHERE i > 100")).isEmpty();
        }
    }

    @Test
    void aFailureKeepsTheValueOutOfItsMessage() {
        try (WorkSession s = open(DuckDbEngine.defaults())) {
            assertThatThrownBy(() -> s.single("SELECT CAST('secret-4242' AS INTEGER)"))
                    .isInstanceOf(EngineException.class)
                    .hasMessageNotContaining("secret-4242")
                    .hasNoCause();
            assertThatThrownBy(() -> s.forEachRow("SELECT CAST('secret-4242' AS INTEGER)", row -> { }))
                    .isInstanceOf(EngineException.class)
                    .hasMessageNotContaining("secret-4242");
            s.execute("CREATE TABLE t (n INTEGER)");
            assertThatThrownBy(() -> {
                try (Appender a = s.append(WorkSession.MAIN, "t")) {
                    a.row("secret-4242");
                }
            }).isInstanceOf(EngineException.class).hasMessageNotContaining("secret-4242");
            // the session stays usable after a failed statement
            assertThat(s.count("t")).isZero();
        }
    }

    @Test
    void settingsAreTheEngines() {
        try (WorkSession s = open(new DuckDbEngine(Optional.of("256MB"), Optional.of(2), false))) {
            assertThat(s.single("SELECT current_setting('threads')")).contains("2");
            assertThat(s.single("SELECT current_setting('preserve_insertion_order')")).contains("false");
        }
    }

    @Test
    void javaFunctionsAreCalledFromTheSqlWithTheirSecretsAndFailuresKeptInside() {
        try (WorkSession s = open(DuckDbEngine.bounded("256MB", 2))) {
            // the secret stays in Java: the SQL names the function only
            String secret = "k-" + System.nanoTime();
            s.function("keyed", v -> Integer.toHexString((secret + v).hashCode()));
            s.execute("CREATE TABLE t AS SELECT CASE WHEN range % 1000 = 0 THEN NULL ELSE 'v' || range END AS v"
                    + " FROM range(100000)");
            s.execute("CREATE TABLE m AS SELECT v, keyed(v) AS k FROM t");
            assertThat(s.count("m")).isEqualTo(100_000L);
            assertThat(s.count("m WHERE v IS NULL AND k IS NULL")).isEqualTo(100L);
            assertThat(s.count("m WHERE v IS NOT NULL AND k IS NULL")).isZero();
            assertThat(s.single("SELECT k FROM m WHERE v = 'v4242'"))
                    .contains(Integer.toHexString((secret + "v4242").hashCode()));
            // every row gets the value of its own argument, whichever thread computed its chunk
            s.function("reversed", v -> new StringBuilder(v).reverse().toString());
            assertThat(s.count("t WHERE reversed(v) IS DISTINCT FROM reverse(v)")).isZero();

            s.function("refuses", v -> {
                throw new IllegalArgumentException("no " + v);
            });
            assertThatThrownBy(() -> s.single("SELECT max(refuses(v)) FROM (SELECT 'secret-' || range AS v"
                    + " FROM range(5))"))
                    .isInstanceOf(EngineException.class).hasMessageNotContaining("secret-").hasNoCause();
            assertThatThrownBy(() -> s.function("Not A Name", v -> v)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
