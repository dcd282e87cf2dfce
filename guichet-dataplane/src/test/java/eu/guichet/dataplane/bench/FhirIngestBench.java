package eu.guichet.dataplane.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import eu.guichet.dataplane.fhir.FhirDelivery;
import eu.guichet.dataplane.fhir.FhirDeliveryProcessor;
import eu.guichet.dataplane.fhir.Flattening;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryOptions;

/**
 * FHIR ingest speed on the Synthea fixture, in one JVM: the streaming flattener (Jackson 2 {@code JsonParser}, with
 * its validation) against the HAPI FHIR R4 JSON parser alone (parse to the resource model, nothing else) over the
 * same lines held in memory, and the whole delivery (flattening, DuckDB staging, pseudonyms, Parquet, publication)
 * from the files. Rounds alternate so both see the same machine load; the best round counts. Prints a table; no
 * assertion. Run after the fixture exists:
 *
 * <pre>
 * mvn -B -ntp -pl guichet-dataplane test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=eu.guichet.dataplane.bench.FhirIngestBench [-Dexec.args="&lt;synthea fhir dir&gt; 5"]
 * </pre>
 */
public final class FhirIngestBench {

    private FhirIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path fhir = Path.of(args.length > 0 ? args[0] : "../guichet-synthetic/target/synthea/fhir")
                .toAbsolutePath().normalize();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Map<String, List<String>> lines = new LinkedHashMap<>();
        long bytes = 0;
        for (String type : Flattening.resourceTypes()) {
            Path file = fhir.resolve(type + ".ndjson");
            if (Files.isRegularFile(file)) {
                lines.put(type, Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList());
                bytes += Files.size(file);
            }
        }
        long resources = lines.values().stream().mapToLong(List::size).sum();
        System.out.printf("Fixture: %s, %d resources of %d types, %.1f MB%n", fhir, resources, lines.size(),
                bytes / 1e6);
        System.out.println("Load average before: " + loadAverage());

        FhirContext context = FhirContext.forR4();
        IParser hapi = context.newJsonParser();
        Map<String, Predicate<String>> flatteners = new LinkedHashMap<>();
        lines.keySet().forEach(t -> flatteners.put(t, Flattening.flattener(t)));
        Path lakeDir = Files.createTempDirectory("fhir-bench-lake");
        DatasetLake lake = new DatasetLake(lakeDir);
        FhirDeliveryProcessor processor = new FhirDeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("1GB", 2));

        double[] flatten = new double[rounds + 1];
        double[] parse = new double[rounds + 1];
        double[] deliver = new double[rounds + 1];
        long sink = 0;
        for (int r = 0; r <= rounds; r++) { // round 0 warms up and is not counted
            long t0 = System.nanoTime();
            for (Map.Entry<String, List<String>> e : lines.entrySet()) {
                Predicate<String> f = flatteners.get(e.getKey());
                for (String line : e.getValue()) {
                    sink += f.test(line) ? 1 : 0;
                }
            }
            flatten[r] = seconds(t0);
            t0 = System.nanoTime();
            for (List<String> ls : lines.values()) {
                for (String line : ls) {
                    sink += hapi.parseResource(line).getIdElement().isEmpty() ? 0 : 1;
                }
            }
            parse[r] = seconds(t0);
            t0 = System.nanoTime();
            processor.deliver(new FhirDelivery("BENCH-" + r, "BENCH", fhir));
            deliver[r] = seconds(t0);
        }
        System.out.println("Load average after: " + loadAverage() + " (checksum " + sink + ")");
        double hapiBest = best(parse);
        List<String[]> rows = new ArrayList<>();
        rows.add(row("HAPI FHIR R4 JsonParser.parseResource (baseline)", resources, hapiBest, hapiBest));
        rows.add(row("Streaming flattener (Jackson 2, validation included)", resources, best(flatten), hapiBest));
        rows.add(row("Whole delivery from files (flatten, DuckDB, pseudonyms, Parquet)", resources, best(deliver),
                hapiBest));
        System.out.printf("%n| %-66s | %9s | %8s | %12s | %9s |%n", "path", "resources", "best s", "resources/s",
                "vs HAPI");
        System.out.println("|" + "-".repeat(68) + "|" + "-".repeat(11) + "|" + "-".repeat(10) + "|" + "-".repeat(14)
                + "|" + "-".repeat(11) + "|");
        for (String[] row : rows) {
            System.out.printf("| %-66s | %9s | %8s | %12s | %9s |%n", (Object[]) row);
        }
        System.out.println("Rounds (s): flatten " + Arrays.toString(round(flatten)) + ", HAPI " + Arrays.toString(
                round(parse)) + ", delivery " + Arrays.toString(round(deliver)) + " (first is warm-up)");
        deleteTree(lakeDir);
    }

    private static String[] row(String name, long resources, double seconds, double hapiSeconds) {
        return new String[] {name, Long.toString(resources), String.format("%.2f", seconds),
            String.format("%,.0f", resources / seconds), String.format("%.1f×", hapiSeconds / seconds)};
    }

    private static double best(double[] rounds) {
        return Arrays.stream(rounds, 1, rounds.length).min().orElseThrow();
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unavailable";
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
