package eu.guichet.dataplane.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.ColumnTreatment;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.Delivery;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryProcessor;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.TableDelivery;
import eu.guichet.dataplane.tabular.TableSchema;

/**
 * "No direct identifier anywhere in the lake": the generator's whole synthetic population — FHIR bulk NDJSON, the same
 * resources as bundles, and the SNDS-like claims keyed by NIR — delivered into one lake, then every cell of every
 * decompressed Parquet file (tables and quarantine) searched for every identifier the generator wrote: the synthetic
 * NIRs (Patient identifiers and the claims' {@code BEN_NIR_PSA}), every other patient identifier, every resource id.
 */
@Tag("integration")
class SyntheticIdentifierScanTest {

    @TempDir
    Path dir;

    @Test
    void no_generated_identifier_survives_in_any_lake_or_quarantine_file() throws Exception {
        Path fhir = SyntheaFixture.fhirDirectory();
        Path claims = fhir.resolveSibling("snds").resolve("PRESTATIONS.csv");
        assertThat(claims).as("the SNDS-like claims of the fixture").isRegularFile();
        DatasetLake lake = new DatasetLake(dir.resolve("lake"));
        Pseudonymiser pseudonymiser = new Pseudonymiser(TestKeys.store(1));
        // a small profile validation sample: its findings are in the reports, scanned below with the Parquet files
        DeliveryOptions options = new DeliveryOptions("512MB", 2, 10);
        FhirDeliveryProcessor fhirProcessor = new FhirDeliveryProcessor(lake, pseudonymiser, options);
        DeliveryReport ndjson = fhirProcessor.deliver(new FhirDelivery("SCAN-FHIR", "CHU", fhir));
        Path bundles = Files.createDirectories(dir.resolve("bundles"));
        FhirBundleDeliveryTest.writeBundles(fhir, bundles);
        DeliveryReport bundled = fhirProcessor.deliver(
                new FhirDelivery("SCAN-BUNDLES", "CHU", bundles, FhirDelivery.Layout.BUNDLES));
        DeliveryReport snds = new DeliveryProcessor(lake, pseudonymiser, options).deliver(new Delivery("SCAN-SNDS",
                "CNAM", List.of(TableDelivery.csv(TableSchema.read(claims.resolveSibling("PRESTATIONS.schema.json")),
                        claims, Map.of("BEN_NIR_PSA", ColumnTreatment.NATIONAL_ID)))));
        assertThat(snds.table("PRESTATIONS").orElseThrow().recordsAccepted()).isGreaterThan(100);

        Set<String> identifiers = new HashSet<>();
        Set<String> nirs = new HashSet<>();
        List<String> resourceIds = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        List<Path> ndjsonFiles;
        try (Stream<Path> list = Files.list(fhir)) {
            ndjsonFiles = list.filter(p -> p.toString().endsWith(".ndjson")).toList();
        }
        for (Path file : ndjsonFiles) {
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    JsonNode r = mapper.readTree(line);
                    identifiers.add(r.path("id").asText());
                    resourceIds.add(r.path("id").asText());
                    for (JsonNode i : r.path("identifier")) {
                        identifiers.add(i.path("value").asText());
                        if (FhirViews.NIR_SYSTEM.equals(i.path("system").asText())) {
                            nirs.add(i.path("value").asText());
                        }
                    }
                }
            }
        }
        Set<String> claimNirs = new HashSet<>();
        try (Stream<String> lines = Files.lines(claims)) {
            lines.skip(1).map(l -> l.substring(0, l.indexOf(','))).forEach(claimNirs::add);
        }
        assertThat(nirs).as("synthetic NIRs of the patients").hasSizeGreaterThanOrEqualTo(20);
        assertThat(nirs).as("the claims are keyed by the patients' NIRs").containsAll(claimNirs);
        nirs.addAll(claimNirs);
        identifiers.removeIf(String::isBlank);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("lake"))) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertThat(files).hasSizeGreaterThan(4 * FhirViews.ALL.size());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cells (file VARCHAR, v VARCHAR)");
            for (Path file : files) {
                s.execute("INSERT INTO cells SELECT '" + dir.relativize(file) + "', v FROM (UNPIVOT (SELECT"
                        + " CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet('" + file + "')) ON COLUMNS(*) INTO NAME"
                        + " col VALUE v)");
            }
            try (Stream<Path> walk = Files.walk(dir.resolve("lake"));
                    PreparedStatement report = c.prepareStatement("INSERT INTO cells VALUES (?, ?)")) {
                for (Path file : walk.filter(p -> p.endsWith("delivery-report.json")).toList()) {
                    report.setString(1, dir.relativize(file).toString());
                    report.setString(2, Files.readString(file));
                    report.execute();
                }
            }
            insert(c, "ids", identifiers);
            insert(c, "nirs", nirs);
            // Positive controls: a NIR of the claims and a resource id inside other text must be found.
            try (PreparedStatement control = c.prepareStatement("INSERT INTO cells VALUES (?, ?)")) {
                control.setString(1, "control-nir");
                control.setString(2, "beneficiary " + claimNirs.iterator().next() + ".");
                control.execute();
                control.setString(1, "control-id");
                control.setString(2, "Patient/" + resourceIds.get(resourceIds.size() / 2));
                control.execute();
            }
            List<String> leaks = new ArrayList<>();
            // NIRs (a few dozen) are searched inside every cell; the ids (thousands) against every token of a cell:
            // a cell split at each character an id cannot hold.
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT file FROM cells JOIN nirs ON contains(v, s) UNION"
                    + " SELECT DISTINCT file FROM (SELECT file, unnest(regexp_split_to_array(v, '[^A-Za-z0-9.-]+'))"
                    + " AS t FROM cells) JOIN ids ON t = s")) {
                while (rs.next()) {
                    leaks.add(rs.getString(1));
                }
            }
            assertThat(leaks).as("files holding a generated identifier")
                    .containsExactlyInAnyOrder("control-nir", "control-id");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM cells")) {
                rs.next();
                assertThat(rs.getLong(1)).isGreaterThan(200_000);
            }
        }
        assertThat(ndjson.tables()).isNotEmpty();
        assertThat(bundled.tables()).isNotEmpty();
    }

    private static void insert(Connection c, String table, Set<String> values) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (s VARCHAR)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (String v : values) {
                insert.setString(1, v);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
