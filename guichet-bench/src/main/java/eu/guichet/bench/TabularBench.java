package eu.guichet.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import eu.guichet.dataplane.engine.DuckDbEngine;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.tabular.ColumnTreatment;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.Delivery;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryProcessor;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.TableDelivery;

/**
 * Tabular pseudonymisation end to end ({@link DeliveryProcessor}: SHA-256 of the file, CSV parse and Table Schema
 * checks, staging, distinct identifiers → HMAC → join, lake and quarantine Parquet, publication) against the
 * physical limit: a bare HMAC-SHA256 loop over the national identifier of every row, on as many threads as cores. A
 * reference line gives the floor of any end-to-end path on this machine: DuckDB's own CSV reader copying the same file
 * to Parquet (zstd, as the lake), with no checks and no pseudonyms.
 */
final class TabularBench {

    private TabularBench() {
    }

    static List<BenchRow> run(BenchContext ctx) throws Exception {
        Path dir = Files.createDirectories(ctx.work().resolve("tabular"));
        Path csv = dir.resolve("claims.csv");
        List<String> distinct = SndsData.writeClaims(csv, ctx.rows(), ctx.persons(), 42);
        String[] perRow = nirsPerRow(csv, ctx.rows());
        byte[] key = BenchContext.key();
        DeliveryProcessor processor = new DeliveryProcessor(new DatasetLake(dir.resolve("lake")),
                ctx.pseudonymiser(), new DeliveryOptions("2GB", ctx.threads()));
        AtomicLong accepted = new AtomicLong();
        AtomicLong round = new AtomicLong();
        Phases phases = new Phases();
        String[] bestPhases = {""};
        double[] best = {Double.MAX_VALUE};
        double ours = Timer.best(1, ctx.rounds(), () -> {
            phases.start();
            long t0 = System.nanoTime();
            DeliveryReport report = processor.deliver(new Delivery("BENCH-" + round.incrementAndGet(), "BENCH",
                    List.of(TableDelivery.csv(SndsData.claimsSchema(), csv, Map.of("NIR", ColumnTreatment.NATIONAL_ID,
                            "DATE_NAISSANCE", ColumnTreatment.BIRTH_DATE_TO_YEAR)))), phases);
            accepted.set(report.tables().get(0).recordsAccepted());
            if ((System.nanoTime() - t0) / 1e9 < best[0]) {
                best[0] = (System.nanoTime() - t0) / 1e9;
                bestPhases[0] = phases.finish();
            }
        });
        double baseline = Timer.best(1, ctx.rounds(), () -> hmacAll(perRow, key));
        double distinctOnly = Timer.best(1, ctx.rounds(), () -> hmacDistinct(distinct, key));
        double floor = Timer.best(1, ctx.rounds(), () -> duckDbCopy(csv, dir, ctx.threads()));
        String size = MarkdownTable.count(ctx.rows(), "rows") + ", " + String.format("%,d", distinct.size())
                + " distinct IDs, " + (Files.size(csv) >> 20) + " MB CSV";
        double limit = ctx.rows() / baseline;
        return List.of(
                new BenchRow("tabular", "CSV delivery end to end vs bare HMAC-SHA256 of every row's ID ("
                        + ctx.threads() + " threads)", size, ours, baseline,
                        MarkdownTable.rate(ctx.rows(), ours, "rows/s"),
                        String.format("target ≥ 50 %% of the limit (%,.0f rows/s): %.1f %% — %s; accepted %,d",
                                limit, 100 * (ctx.rows() / ours) / limit,
                                ctx.rows() / ours >= limit / 2 ? "met" : "missed", accepted.get())
                                + "; steps (s): " + bestPhases[0]),
                new BenchRow("tabular", "bare HMAC-SHA256 of the distinct IDs only (what the delivery hashes)",
                        String.format("%,d IDs", distinct.size()), distinctOnly, Double.NaN,
                        MarkdownTable.rate(distinct.size(), distinctOnly, "IDs/s"), "for reading the row above"),
                new BenchRow("tabular", "reference: DuckDB's COPY (SELECT * FROM read_csv(…)) TO Parquet of the same CSV,"
                        + " no checks, no pseudonyms (" + ctx.threads() + " threads)", size, floor, Double.NaN,
                        MarkdownTable.rate(ctx.rows(), floor, "rows/s"), String.format(
                                "the floor of any end-to-end path here; the delivery takes %.1f× this", ours / floor)));
    }

    /** DuckDB alone: its CSV reader (types sniffed) into a zstd Parquet file, through the same engine settings. */
    private static void duckDbCopy(Path csv, Path dir, int threads) throws Exception {
        Path database = dir.resolve("floor.duckdb");
        Files.deleteIfExists(database);
        try (WorkSession s = DuckDbEngine.bounded("2GB", threads).open(database, dir.resolve("floor-spill"))) {
            s.writeParquet("SELECT * FROM read_csv('" + csv.toAbsolutePath().toString().replace("'", "''") + "')",
                    dir.resolve("floor.parquet"));
        }
        Files.deleteIfExists(database);
    }

    /** The national identifier of each row, in file order (read outside the timed part). */
    private static String[] nirsPerRow(Path csv, long rows) throws Exception {
        String[] out = new String[Math.toIntExact(rows)];
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
            var it = lines.skip(1).iterator();
            for (int i = 0; i < out.length && it.hasNext(); i++) {
                String line = it.next();
                out[i] = line.substring(0, line.indexOf(','));
            }
        }
        return out;
    }

    private static long hmacAll(String[] ids, byte[] key) {
        int threads = Machine.cores();
        int chunk = (ids.length + threads - 1) / threads;
        return IntStream.range(0, threads).parallel().mapToLong(t -> {
            Mac mac = mac(key);
            long sink = 0;
            for (int i = t * chunk; i < Math.min(ids.length, (t + 1) * chunk); i++) {
                sink += mac.doFinal(ids[i].getBytes(StandardCharsets.UTF_8))[0];
            }
            return sink;
        }).sum();
    }

    private static long hmacDistinct(List<String> ids, byte[] key) {
        return hmacAll(ids.toArray(String[]::new), key);
    }

    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
