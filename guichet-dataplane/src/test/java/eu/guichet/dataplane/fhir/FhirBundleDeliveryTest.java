package eu.guichet.dataplane.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.ReasonCode;
import eu.guichet.dataplane.tabular.TableReport;

/**
 * FHIR JSON bundles: the Synthea population re-packed by this test into bundles of four types gives the same lake as
 * its bulk NDJSON; faulty bundles and entries are quarantined with reasons only.
 */
@Tag("integration")
class FhirBundleDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static DatasetLake lake;
    static FhirDeliveryProcessor processor;

    @BeforeAll
    static void processor() {
        lake = new DatasetLake(dir.resolve("lake"));
        processor = new FhirDeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("512MB", 2, 10));
    }

    @Test
    void synthea_resources_delivered_as_bundles_give_the_same_lake_as_the_bulk_ndjson() throws Exception {
        Path fhir = SyntheaFixture.fhirDirectory();
        Path bundles = Files.createDirectories(dir.resolve("synthea-bundles"));
        writeBundles(fhir, bundles);

        DeliveryReport ndjson = processor.deliver(new FhirDelivery("SYNTHEA-NDJSON", "SYNTHEA", fhir));
        DeliveryReport bundled = processor.deliver(
                new FhirDelivery("SYNTHEA-BUNDLES", "SYNTHEA", bundles, FhirDelivery.Layout.BUNDLES));

        assertThat(bundled.tables()).extracting(TableReport::table)
                .as("the other resource types (Claim, Immunization…) are ignored, as their NDJSON files are")
                .containsExactlyElementsOf(ndjson.tables().stream().map(TableReport::table).toList());
        Path a = lake.versionDir("SYNTHEA-NDJSON", ndjson.version());
        Path b = lake.versionDir("SYNTHEA-BUNDLES", bundled.version());
        for (TableReport t : ndjson.tables()) {
            TableReport u = bundled.table(t.table()).orElseThrow();
            assertThat(List.of(u.recordsRead(), u.recordsAccepted(), u.recordsRejected())).as(t.table())
                    .isEqualTo(List.of(t.recordsRead(), t.recordsAccepted(), t.recordsRejected()));
            assertThat(u.issues()).as(t.table()).isEqualTo(t.issues());
            assertThat(u.profileSample().recordsSampled()).as(t.table() + ": entries are sampled like lines")
                    .isEqualTo(t.profileSample().recordsSampled()).isEqualTo(Math.min(10, t.recordsRead()));
            String x = parquet(a, "tables/" + t.table());
            String y = parquet(b, "tables/" + t.table());
            assertThat(scalar("SELECT count(*) FROM (SELECT * FROM " + x + " EXCEPT ALL SELECT * FROM " + y + ")")
                    + scalar("SELECT count(*) FROM (SELECT * FROM " + y + " EXCEPT ALL SELECT * FROM " + x + ")"))
                    .as(t.table() + ": the same rows, the same pseudonyms").isZero();
        }
        assertThat(bundled.table(BundleStager.TABLE)).as("no entry rejected").isEmpty();

        DeliveryReport again = processor.deliver(
                new FhirDelivery("SYNTHEA-BUNDLES", "SYNTHEA", bundles, FhirDelivery.Layout.BUNDLES));
        assertThat(again.outcome()).as("the same bundles again are a no-op")
                .isEqualTo(DeliveryReport.Outcome.DUPLICATE);
    }

    @Test
    void faulty_bundles_and_entries_are_quarantined_with_a_reason_and_no_value() throws Exception {
        Path d = Files.createDirectories(dir.resolve("faulty"));
        Files.writeString(d.resolve("a.json"), """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "urn:uuid:6d1c1a36-0000-4000-8000-000000000001",
                   "resource": {"resourceType": "Patient", "gender": "female", "birthDate": "1970-02-03"},
                   "request": {"method": "POST", "url": "Patient"}},
                  {"fullUrl": "urn:uuid:6d1c1a36-0000-4000-8000-000000000002",
                   "resource": {"resourceType": "Patient", "id": "p2", "gender": "male"}},
                  {"request": {"method": "DELETE", "url": "Patient/p9"}},
                  {"resource": {"resourceType": "Patientt", "id": "x"}},
                  {"resource": {"id": "no-type"}},
                  {"resource": "Patient"},
                  "not an entry",
                  {"resource": {"resourceType": "Claim", "id": "c1", "patient": {"reference": "Patient/p2"}}},
                  {"resource": {"resourceType": "Observation", "id": "o1", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "8302-2"}]},
                    "subject": {"reference": "urn:uuid:6d1c1a36-0000-4000-8000-000000000001"}}},
                  {"resource": {"resourceType": "Observation", "id": "o2", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "8302-2"}]},
                    "subject": {"reference": "urn:uuid:6d1c1a36-0000-4000-8000-000000000002"}}},
                  {"resource": {"resourceType": "Observation", "id": "o3", "status": "done",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "8302-2"}]},
                    "subject": {"reference": "Patient/p2"}, "valueQuantity": {"value": 180.50}}}
                ]}
                """);
        Files.writeString(d.resolve("b.json"), "{\"resourceType\": \"Bundle\", \"type\": \"collection\", "
                + "\"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p3\"}}");
        Files.writeString(d.resolve("c.json"), "{\"resourceType\": \"Patient\", \"id\": \"p4\"}");
        Files.writeString(d.resolve("d.json"), "{\"resourceType\": \"Bundle\", \"type\": \"history\", \"entry\": []}");
        Files.writeString(d.resolve("e.json"), "{\"resourceType\": \"Bundle\", \"entry\": {}}");
        Files.writeString(d.resolve("notes.txt"), "not a bundle file: ignored");

        DeliveryReport report = processor.deliver(
                new FhirDelivery("FAULTY-BUNDLES", "HOLDER-A", d, FhirDelivery.Layout.BUNDLES));

        TableReport patients = report.table("patient").orElseThrow();
        assertThat(List.of(patients.recordsRead(), patients.recordsAccepted())).isEqualTo(List.of(2L, 2L));
        TableReport observations = report.table("observation").orElseThrow();
        assertThat(List.of(observations.recordsRead(), observations.recordsAccepted())).as(
                "references by fullUrl resolve, to the id the fullUrl gave or to the resource's own id")
                .isEqualTo(List.of(3L, 2L));
        assertThat(observations.issues(ReasonCode.ENUM, "status")).isEqualTo(1);

        TableReport bundle = report.table(BundleStager.TABLE).orElseThrow();
        assertThat(bundle.recordsRead()).isEqualTo(9);
        assertThat(bundle.recordsAccepted()).isZero();
        Map<String, String> reasons = new LinkedHashMap<>();
        Path version = lake.versionDir("FAULTY-BUNDLES", report.version());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT file || coalesce('#' || entry, ''), array_to_string(_reasons,"
                        + " ',') FROM read_parquet('" + version.resolve("quarantine/bundle.parquet")
                        + "') ORDER BY _record")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
            while (rs.next()) {
                reasons.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(reasons).containsExactly(
                Map.entry("a.json#2", "required:entry.resource"),
                Map.entry("a.json#3", "resource_type:entry.resource.resourceType"),
                Map.entry("a.json#4", "required:entry.resource.resourceType"),
                Map.entry("a.json#5", "type:entry.resource"),
                Map.entry("a.json#6", "type:entry"),
                Map.entry("b.json", "not_json:*"),
                Map.entry("c.json", "resource_type:resourceType"),
                Map.entry("d.json", "enum:type"),
                Map.entry("e.json", "required:type"));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('"
                        + version.resolve("quarantine/bundle.parquet") + "') LIMIT 0")) {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i));
            }
            assertThat(columns).as("reasons and positions, never values").containsExactly("_record", "_reasons",
                    "file", "entry");
        }
    }

    /**
     * Re-packs every NDJSON file of the fixture (flattened types or not) into four bundles, one of each accepted
     * type, resources dealt round-robin; the transaction bundle names its resources by {@code urn:uuid:} fullUrls
     * only (the resource's id removed), as transaction bundles do.
     */
    static void writeBundles(Path fhir, Path out) throws IOException {
        String[] types = {"collection", "transaction", "batch", "searchset"};
        List<JsonGenerator> generators = new ArrayList<>();
        for (String type : types) {
            JsonGenerator g = JSON.getFactory().createGenerator(Files.newBufferedWriter(out.resolve(type + ".json")));
            g.writeStartObject();
            g.writeStringField("resourceType", "Bundle");
            g.writeStringField("type", type);
            g.writeArrayFieldStart("entry");
            generators.add(g);
        }
        int n = 0;
        List<Path> files;
        try (Stream<Path> list = Files.list(fhir)) {
            files = list.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file)) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank()) {
                        continue;
                    }
                    ObjectNode resource = (ObjectNode) JSON.readTree(line);
                    int slot = n++ % types.length;
                    JsonGenerator g = generators.get(slot);
                    g.writeStartObject();
                    if (slot == 1 && resource.hasNonNull("id")) {
                        g.writeStringField("fullUrl", "urn:uuid:" + resource.get("id").asText());
                        resource.remove("id");
                        g.writeObjectField("resource", resource);
                        g.writeObjectFieldStart("request");
                        g.writeStringField("method", "POST");
                        g.writeStringField("url", resource.path("resourceType").asText());
                        g.writeEndObject();
                    } else {
                        g.writeObjectField("resource", resource);
                        if (slot == 3) {
                            g.writeObjectFieldStart("search");
                            g.writeStringField("mode", "match");
                            g.writeEndObject();
                        }
                    }
                    g.writeEndObject();
                }
            }
        }
        for (JsonGenerator g : generators) {
            g.writeEndArray();
            g.writeEndObject();
            g.close();
        }
    }

    private static String parquet(Path version, String name) {
        return "read_parquet('" + version.resolve(name + ".parquet") + "')";
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
