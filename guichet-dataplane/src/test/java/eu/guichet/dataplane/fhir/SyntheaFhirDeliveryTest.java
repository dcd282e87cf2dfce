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
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.TableReport;

/** The seeded Synthea population delivered once as FHIR bulk NDJSON; every test reads the published version. */
@Tag("integration")
class SyntheaFhirDeliveryTest {

    @TempDir
    static Path dir;

    static Path fhir;
    static DatasetLake lake;
    static DeliveryReport report;
    static Path version;

    @BeforeAll
    static void deliver() {
        fhir = SyntheaFixture.fhirDirectory();
        lake = new DatasetLake(dir.resolve("lake"));
        // no profile validation sample: ProfileSampleValidationTest delivers the same population with it
        FhirDeliveryProcessor processor = new FhirDeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("512MB", 2, 0));
        report = processor.deliver(new FhirDelivery("SYNTHEA-MA", "SYNTHEA", fhir));
        version = lake.versionDir("SYNTHEA-MA", report.version());
        for (TableReport t : report.tables()) {
            System.out.printf("%-22s read %6d accepted %6d quarantined %5d %s%n", t.table(), t.recordsRead(),
                    t.recordsAccepted(), t.recordsRejected(), t.issues());
        }
    }

    @Test
    void every_line_of_every_file_is_in_the_lake_or_in_quarantine() throws Exception {
        assertThat(report.tables()).extracting(TableReport::table).containsExactlyElementsOf(
                FhirViews.ALL.stream().map(FhirView::name).toList());
        for (FhirView view : FhirViews.ALL) {
            TableReport t = report.table(view.name()).orElseThrow();
            long lines = SyntheaFixture.records(fhir.resolve(view.fileName()));
            assertThat(t.recordsRead()).as(view.name()).isEqualTo(lines);
            assertThat(t.recordsAccepted() + t.recordsRejected()).as(view.name()).isEqualTo(lines);
            assertThat(count("tables/" + view.name())).as(view.name()).isEqualTo(t.recordsAccepted());
            assertThat(count("quarantine/" + view.name())).as(view.name()).isEqualTo(t.recordsRejected());
        }
    }

    @Test
    void all_synthea_patients_are_accepted_with_a_birth_year_and_sex() throws Exception {
        TableReport patients = report.table("patient").orElseThrow();
        assertThat(patients.recordsRead()).isBetween(20L, 40L);
        assertThat(patients.recordsRejected()).isZero();
        assertThat(scalar("SELECT count(*) FROM " + parquet("tables/patient")
                + " WHERE birth_year IS NULL OR sex IS NULL")).isZero();
        assertThat(scalar("SELECT count(DISTINCT patient_id) FROM " + parquet("tables/patient")))
                .isEqualTo(patients.recordsAccepted());
    }

    @Test
    void every_column_is_filled_for_some_synthea_resource() throws Exception {
        List<String> empty = new ArrayList<>();
        for (FhirView view : FhirViews.ALL) {
            for (String column : view.columnNames()) {
                if (scalar("SELECT count(" + column + ") FROM " + parquet("tables/" + view.name())) == 0) {
                    empty.add(view.name() + "." + column);
                }
            }
        }
        assertThat(empty).as("columns without any value: a path the flattener never finds").isEmpty();
    }

    @Test
    void resources_link_to_their_patient_and_encounter_by_pseudonym() throws Exception {
        for (FhirView view : FhirViews.ALL) {
            if (view.name().equals("patient")) {
                continue;
            }
            assertThat(scalar("SELECT count(*) FROM " + parquet("tables/" + view.name()) + " t ANTI JOIN "
                    + parquet("tables/patient") + " p USING (patient_id)")).as(view.name()).isZero();
            if (view.columnNames().contains("encounter_id")) {
                assertThat(scalar("SELECT count(*) FROM " + parquet("tables/" + view.name())
                        + " t WHERE encounter_id IS NOT NULL AND encounter_id NOT IN (SELECT encounter_id FROM "
                        + parquet("tables/encounter") + ")")).as(view.name()).isZero();
            }
        }
        assertThat(scalar("SELECT count(DISTINCT patient_id) FROM " + parquet("tables/observation")))
                .isEqualTo(report.table("patient").orElseThrow().recordsAccepted());
    }

    @Test
    void no_name_address_phone_or_original_id_of_a_patient_appears_in_any_parquet_file() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> contained = new HashSet<>();
        Set<String> whole = new HashSet<>();
        String family = null;
        try (BufferedReader reader = Files.newBufferedReader(fhir.resolve("Patient.ndjson"))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode p = mapper.readTree(line);
                String id = p.path("id").asText();
                contained.add(id);
                for (JsonNode name : p.path("name")) {
                    name.path("given").forEach(g -> contained.add(g.asText()));
                    contained.add(name.path("family").asText());
                    family = family != null ? family : name.path("family").asText();
                }
                for (JsonNode address : p.path("address")) {
                    address.path("line").forEach(l -> contained.add(l.asText()));
                    contained.add(address.path("city").asText());
                    whole.add(address.path("postalCode").asText());
                }
                p.path("telecom").forEach(t -> contained.add(t.path("value").asText()));
                p.path("identifier").forEach(i -> contained.add(i.path("value").asText()));
            }
        }
        contained.removeIf(String::isBlank);
        whole.removeIf(String::isBlank);
        assertThat(contained).hasSizeGreaterThan(100);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(version)) {
            files = walk.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        assertThat(files).hasSize(2 * FhirViews.ALL.size());
        // Every cell of every file as text, then each forbidden string searched in every cell, by DuckDB.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cells (file VARCHAR, v VARCHAR)");
            for (Path file : files) {
                s.execute("INSERT INTO cells SELECT '" + version.relativize(file) + "', v FROM (UNPIVOT (SELECT"
                        + " CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet('" + file + "')) ON COLUMNS(*) INTO NAME"
                        + " col VALUE v)");
            }
            s.execute("CREATE TABLE contained (s VARCHAR)");
            s.execute("CREATE TABLE whole (s VARCHAR)");
            insert(c, "contained", contained);
            insert(c, "whole", whole);
            assertThat(scalarOn(s, "SELECT count(*) FROM cells")).isGreaterThan(100_000);
            // Positive control: a cell quoting a patient's family name inside other text must be found.
            try (PreparedStatement control = c.prepareStatement("INSERT INTO cells VALUES ('control', ?)")) {
                control.setString(1, "seen by " + family + " today");
                control.execute();
            }
            List<String> leaks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT file FROM cells JOIN contained ON contains(v, s)"
                    + " UNION SELECT DISTINCT file FROM cells JOIN whole ON v = s")) {
                while (rs.next()) {
                    leaks.add(rs.getString(1));
                }
            }
            assertThat(leaks).as("files holding a patient's name, address, phone or original id")
                    .containsExactly("control");
        }
    }

    private static void insert(Connection c, String table, Set<String> values) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (String v : values) {
                insert.setString(1, v);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static long scalarOn(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String parquet(String name) {
        return "read_parquet('" + version.resolve(name + ".parquet") + "')";
    }

    private static long count(String name) throws Exception {
        return scalar("SELECT count(*) FROM " + parquet(name));
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
