package eu.guichet.dataplane.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.ColumnTreatment;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.Delivery;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryProcessor;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.Field;
import eu.guichet.dataplane.tabular.FieldConstraints;
import eu.guichet.dataplane.tabular.FieldType;
import eu.guichet.dataplane.tabular.TableDelivery;
import eu.guichet.dataplane.tabular.TableSchema;

/**
 * Tabular pseudonymisation, end to end (CSV → validation → distinct identifiers → HMAC in Java → DuckDB join →
 * Parquet), against a bare HMAC-SHA256 loop over the same identifiers in the same process. Prints a table of rates
 * and ratios; no assertion. Run:
 *
 * <pre>
 * mvn -B -ntp -pl guichet-dataplane test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.guichet.dataplane.bench.TabularPseudonymisationBench [-Dexec.args="5000000 1000000"]
 * </pre>
 * Data (~300 MB of CSV for 5M rows) are generated under {@code target/bench/} of the directory Maven runs in, and
 * deleted at the end.
 */
public final class TabularPseudonymisationBench {

    private TabularPseudonymisationBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int persons = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Path.of("target", "bench").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        Path csv = dir.resolve("claims.csv");
        long t0 = System.nanoTime();
        write(csv, rows, persons);
        double generate = seconds(t0);

        List<String> distinct = new ArrayList<>(persons);
        for (int p = 0; p < persons; p++) {
            distinct.add(nir(p));
        }
        byte[] key = TestKeys.key("bench-key");
        bareHmac(distinct, key); // warm-up
        long t1 = System.nanoTime();
        long sink = bareHmac(distinct, key);
        double bare = seconds(t1);

        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(1));
        pseudonymiser.pseudonyms(IdentifierDomain.NATIONAL, distinct); // warm-up
        long t2 = System.nanoTime();
        sink += pseudonymiser.pseudonyms(IdentifierDomain.NATIONAL, distinct).size();
        double batch = seconds(t2);

        int threads = Runtime.getRuntime().availableProcessors();
        DeliveryProcessor processor = new DeliveryProcessor(new DatasetLake(dir.resolve("lake")), pseudonymiser,
                new DeliveryOptions("2GB", threads));
        long t3 = System.nanoTime();
        DeliveryReport report = processor.deliver(new Delivery("BENCH", "BENCH-HOLDER", List.of(TableDelivery.csv(
                schema(), csv, Map.of("NIR", ColumnTreatment.NATIONAL_ID, "DATE_NAISSANCE",
                        ColumnTreatment.BIRTH_DATE_TO_YEAR)))));
        double endToEnd = seconds(t3);
        var table = report.tables().get(0);

        System.out.printf("%nTabular pseudonymisation: %,d rows, %,d distinct national IDs, %d cores, CSV %,d MB"
                + " (generated in %.1f s)%n", rows, persons, threads, Files.size(csv) >> 20, generate);
        System.out.printf("accepted %,d, rejected %,d%n%n", table.recordsAccepted(), table.recordsRejected());
        System.out.printf("| %-62s | %8s | %14s | %12s |%n", "step", "seconds", "rate", "vs bare HMAC");
        System.out.printf("|%s|%s|%s|%s|%n", "-".repeat(64), "-".repeat(10), "-".repeat(16), "-".repeat(14));
        row("bare HMAC-SHA256 loop, 1 thread, distinct IDs", bare, persons, "IDs/s", 1.0);
        row("Pseudonymiser.pseudonyms batch (normalise, parallel), distinct", batch, persons, "IDs/s", bare / batch);
        row("delivery end to end (CSV → validate → join → Parquet), rows", endToEnd, rows, "rows/s",
                bare / endToEnd);
        System.out.printf("%nper-row cost: end to end %.0f ns/row; bare HMAC %.0f ns/ID; a per-row HMAC (no distinct)"
                + " would add %.1f s%n", endToEnd * 1e9 / rows, bare * 1e9 / persons, bare * rows / persons);
        if (sink == 42) {
            System.out.println();
        }
        deleteTree(dir);
    }

    private static void row(String step, double seconds, long items, String unit, double ratio) {
        System.out.printf("| %-62s | %8.2f | %,10.0f %-5s | %10.2f x |%n", step, seconds, items / seconds, unit,
                ratio);
    }

    private static long bareHmac(List<String> ids, byte[] key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        long sink = 0;
        for (String id : ids) {
            sink += mac.doFinal(id.getBytes(StandardCharsets.UTF_8))[0];
        }
        return sink;
    }

    private static TableSchema schema() {
        return new TableSchema("CLAIMS", null, List.of(
                Field.of("NIR", FieldType.STRING).withConstraints(
                        new FieldConstraints(true, false, 13, 15, null, null, null, null)),
                Field.of("DATE_NAISSANCE", FieldType.DATE),
                Field.of("CLAIM_ID", FieldType.INTEGER),
                Field.of("DATE_SOINS", FieldType.DATE),
                Field.of("ACTE", FieldType.STRING).withConstraints(
                        new FieldConstraints(false, false, null, null, "[A-Z]{4}\\d{3}", null, null, null)),
                Field.of("MONTANT", FieldType.NUMBER).withConstraints(
                        new FieldConstraints(false, false, null, null, null, null, "0", "100000"))),
                List.of("CLAIM_ID"), List.of(""), List.of());
    }

    private static String nir(int p) {
        return String.format("%d%02d%02d%05d%03d%02d", 1 + p % 2, 40 + p % 60, 1 + p % 12, 10000 + p % 90000,
                100 + (p / 90000) % 900, p % 97);
    }

    private static void write(Path csv, int rows, int persons) throws IOException {
        String[] nirs = new String[persons];
        for (int p = 0; p < persons; p++) {
            nirs[p] = nir(p);
        }
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE)) {
            w.write("NIR,DATE_NAISSANCE,CLAIM_ID,DATE_SOINS,ACTE,MONTANT\n");
            StringBuilder line = new StringBuilder(96);
            for (int r = 0; r < rows; r++) {
                int p = (int) ((r * 2_654_435_761L) % persons);
                line.setLength(0);
                line.append(nirs[p]).append(',').append(1940 + p % 60).append('-')
                        .append(pad(1 + p % 12)).append('-').append(pad(1 + p % 28)).append(',').append(r + 1)
                        .append(",2025-").append(pad(1 + r % 12)).append('-').append(pad(1 + r % 28)).append(",YYYY")
                        .append(100 + r % 900).append(',').append(r % 1000 == 999 ? "-1" : (r % 5000) / 10.0)
                        .append('\n');
                w.append(line);
            }
        }
    }

    private static String pad(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
