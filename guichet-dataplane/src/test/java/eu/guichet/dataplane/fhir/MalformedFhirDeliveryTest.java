package eu.guichet.dataplane.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.ReasonCode;
import eu.guichet.dataplane.tabular.TableReport;

/** A small hand-written bulk export with one fault per line: each bad record lands in quarantine with its reason. */
@Tag("integration")
class MalformedFhirDeliveryTest {

    @TempDir
    Path dir;

    @Test
    void each_faulty_resource_is_quarantined_with_a_reason_code_and_an_element_path() throws Exception {
        DatasetLake lake = new DatasetLake(dir.resolve("lake"));
        FhirDeliveryProcessor processor = new FhirDeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("256MB", 1));
        DeliveryReport report = processor.deliver(new FhirDelivery("MALFORMED", "HOLDER-A", fixture()));

        TableReport patients = report.table("patient").orElseThrow();
        assertThat(patients.recordsRead()).isEqualTo(4);
        assertThat(patients.recordsAccepted()).isEqualTo(2);
        assertThat(patients.issues(ReasonCode.TYPE, "birthDate")).isEqualTo(1);
        assertThat(patients.issues(ReasonCode.ENUM, "gender")).isEqualTo(1);

        TableReport observations = report.table("observation").orElseThrow();
        assertThat(observations.recordsRead()).as("the blank line is not a record").isEqualTo(13);
        assertThat(observations.recordsAccepted()).isEqualTo(2);
        assertThat(observations.recordsRejected()).isEqualTo(11);
        assertThat(observations.issues(ReasonCode.NOT_JSON, "*")).isEqualTo(2);
        assertThat(observations.issues(ReasonCode.REQUIRED, "status")).isEqualTo(1);
        assertThat(observations.issues(ReasonCode.TYPE, "effectiveDateTime")).isEqualTo(1);
        assertThat(observations.issues(ReasonCode.RESOURCE_TYPE, "resourceType")).isEqualTo(1);
        assertThat(observations.issues(ReasonCode.REQUIRED, "resourceType")).isEqualTo(1);
        assertThat(observations.issues(ReasonCode.REFERENCE, "subject.reference"))
                .as("a patient not delivered, and a patient quarantined").isEqualTo(2);
        assertThat(observations.issues(ReasonCode.CODE_SYSTEM, "code.coding[0].system")).isEqualTo(1);
        assertThat(observations.issues(ReasonCode.DUPLICATE_PRIMARY_KEY, "id")).isEqualTo(2);

        Path version = lake.versionDir("MALFORMED", report.version());
        Map<Long, String> reasonsByLine = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT _record, array_to_string(_reasons, ',') FROM read_parquet('"
                        + version.resolve("quarantine/observation.parquet") + "') ORDER BY _record")) {
            while (rs.next()) {
                reasonsByLine.put(rs.getLong(1), rs.getString(2));
            }
        }
        assertThat(reasonsByLine).containsExactly(
                Map.entry(2L, "not_json:*"),
                Map.entry(3L, "required:status"),
                Map.entry(4L, "type:effectiveDateTime"),
                Map.entry(5L, "resource_type:resourceType"),
                Map.entry(6L, "reference:subject.reference"),
                Map.entry(7L, "reference:subject.reference"),
                Map.entry(8L, "code_system:code.coding[0].system"),
                Map.entry(9L, "required:resourceType"),
                Map.entry(10L, "not_json:*"),
                Map.entry(13L, "duplicate_primary_key:id"),
                Map.entry(14L, "duplicate_primary_key:id"));

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT o.value_quantity, o.value_code, o.effective_date, p.birth_year,"
                        + " p.sex, p.postcode_prefix FROM read_parquet('" + version.resolve("tables/observation.parquet")
                        + "') o JOIN read_parquet('" + version.resolve("tables/patient.parquet")
                        + "') p USING (patient_id) ORDER BY p.birth_year")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(125.9);
            assertThat(rs.getString(3)).isEqualTo("2017-03-20");
            assertThat(rs.getInt(4)).isEqualTo(1961);
            assertThat(rs.getString(5)).isEqualTo("female");
            assertThat(rs.getString(6)).isEqualTo("012");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("266919005");
            assertThat(rs.getString(3)).as("a partial date gives no day").isNull();
            assertThat(rs.getInt(4)).isEqualTo(1980);
            assertThat(rs.next()).isFalse();
        }
    }

    static Path fixture() throws URISyntaxException {
        return Path.of(MalformedFhirDeliveryTest.class.getResource("/fhir/malformed/Patient.ndjson").toURI())
                .getParent();
    }
}
