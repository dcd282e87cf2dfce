package eu.guichet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Texts;
import tools.jackson.databind.JsonNode;

/**
 * Deliveries through the API on the whole application: SNDS-like CSV and Synthea FHIR into the lake, counts equal to
 * the source, quarantine reasons without values, a repeated delivery changing nothing, a resumable upload resumed
 * after an interruption, and a holder refused another holder's dataset.
 */
@GuichetIntegrationTest
class DeliveriesIntegrationTest {

    static final String IDENTIFIERS = "BEN_NIR_PSA=NATIONAL_ID,BEN_NIR_ANO=NATIONAL_ID,BEN_IDT_ANO=NATIONAL_ID,"
            + "ASS_NIR_ANO=NATIONAL_ID";

    @LocalServerPort
    int port;

    @Value("${guichet.ingest.lake-dir}")
    Path lakeDir;

    @TempDir
    Path dir;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Api api;
    DeliveryClient client;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        client = new DeliveryClient(api);
    }

    @Test
    void a_csv_delivery_publishes_a_version_whose_counts_equal_the_source_and_quarantines_bad_records()
            throws Exception {
        String dataset = holdersDataset();
        var response = client.deliver("holder", Map.of("dataset", dataset, "format", "CSV_TABLE_SCHEMA",
                "identifiers", IDENTIFIERS), sndsFiles());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.header("Location")).isEqualTo("/api/deliveries/" + response.json().get("id").asString());
        assertThat(response.json().get("status").asString()).isEqualTo("RECEIVED");

        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());
        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("ACCEPTED");
        assertThat(delivery.get("datasetVersion").asString()).isEqualTo("v000001");
        JsonNode ben = table(delivery, "IR_BEN_R");
        assertThat(ben.get("recordsRead").asLong()).isEqualTo(records(dir.resolve("IR_BEN_R.csv")));
        assertThat(ben.get("recordsAccepted").asLong()).isEqualTo(10);
        JsonNode iba = table(delivery, "IR_IBA_R");
        assertThat(iba.get("recordsAccepted").asLong()).isEqualTo(5);
        assertThat(iba.get("recordsRejected").asLong()).isEqualTo(5);

        Path version = lakeDir.resolve(dataset).resolve("versions").resolve("v000001");
        assertThat(count(version.resolve("tables/IR_BEN_R.parquet"))).isEqualTo(10);
        assertThat(count(version.resolve("tables/IR_IBA_R.parquet"))).isEqualTo(5);
        assertThat(count(version.resolve("quarantine/IR_IBA_R.parquet"))).isEqualTo(5);

        var quarantine = api.get("/api/deliveries/" + delivery.get("id").asString() + "/quarantine", "holder");
        assertThat(quarantine.status()).isEqualTo(200);
        JsonNode tables = quarantine.json().get("tables");
        assertThat(tables.size()).isEqualTo(1);
        assertThat(tables.get(0).get("table").asString()).isEqualTo("IR_IBA_R");
        JsonNode reason = tables.get(0).get("reasons").get(0);
        assertThat(reason.get("reason").asString()).isEqualTo("duplicate_primary_key");
        assertThat(reason.get("column").asString()).isEqualTo("BEN_IDT_ANO");
        assertThat(reason.get("records").asLong()).isEqualTo(5);
        assertThat(quarantine.body()).doesNotContain(firstValue(dir.resolve("IR_IBA_R.csv")));

        // processed: the delivered files (raw identifiers) are gone from the work directory
        assertThat(lakeDir.resolveSibling("ingest").resolve("deliveries").resolve(delivery.get("id").asString()))
                .doesNotExist();
    }

    @Test
    void the_same_files_delivered_twice_change_nothing() throws Exception {
        String dataset = holdersDataset();
        Map<String, String> fields = Map.of("dataset", dataset, "format", "CSV_TABLE_SCHEMA", "identifiers",
                IDENTIFIERS);
        JsonNode first = client.awaitProcessed("holder",
                client.deliver("holder", fields, sndsFiles()).json().get("id").asString());
        JsonNode again = client.awaitProcessed("holder",
                client.deliver("holder", fields, sndsFiles()).json().get("id").asString());

        assertThat(first.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(again.get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.get("datasetVersion").asString()).isEqualTo(first.get("datasetVersion").asString());
        assertThat(again.get("contentSha256").asString()).isEqualTo(first.get("contentSha256").asString());
        try (Stream<Path> versions = Files.list(lakeDir.resolve(dataset).resolve("versions"))) {
            assertThat(versions.map(p -> p.getFileName().toString())).containsExactly("v000001");
        }
    }

    @Test
    void a_synthea_fhir_export_lands_with_one_lake_row_per_accepted_resource() throws Exception {
        Path fhir = SyntheaFixture.fhirDirectory();
        List<Path> files;
        try (Stream<Path> list = Files.list(fhir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".ndjson")).sorted().toList();
        }
        String dataset = holdersDataset();
        var response = client.deliver("holder", Map.of("dataset", dataset, "format", "FHIR_NDJSON"), files);
        assertThat(response.status()).as(response.body()).isEqualTo(202);

        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());
        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("ACCEPTED");
        Path version = lakeDir.resolve(dataset).resolve("versions").resolve(delivery.get("datasetVersion").asString());
        assertThat(delivery.get("tables").size()).isGreaterThanOrEqualTo(8);
        for (JsonNode t : delivery.get("tables")) {
            String name = t.get("table").asString();
            assertThat(t.get("recordsAccepted").asLong() + t.get("recordsRejected").asLong()).as(name)
                    .isEqualTo(t.get("recordsRead").asLong());
            assertThat(count(version.resolve("tables/" + name + ".parquet"))).as(name)
                    .isEqualTo(t.get("recordsAccepted").asLong());
        }
        assertThat(table(delivery, "patient").get("recordsRead").asLong())
                .isEqualTo(records(fhir.resolve("Patient.ndjson")));
        assertThat(table(delivery, "patient").get("recordsRejected").asLong()).isZero();
        assertThat(table(delivery, "observation").get("recordsRead").asLong())
                .isEqualTo(records(fhir.resolve("Observation.ndjson")));
    }

    @Test
    void malformed_fhir_resources_are_quarantined_with_reasons_that_quote_no_value() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (String name : List.of("Patient.ndjson", "Observation.ndjson")) {
            try (InputStream in = getClass().getResourceAsStream("/ingest/fhir-malformed/" + name)) {
                Path target = dir.resolve(name);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                files.add(target);
            }
        }
        var response = client.deliver("holder", Map.of("dataset", holdersDataset(), "format", "FHIR_NDJSON"), files);
        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());

        assertThat(delivery.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(table(delivery, "patient").get("recordsRead").asLong()).isEqualTo(4);
        assertThat(table(delivery, "patient").get("recordsAccepted").asLong()).isEqualTo(2);
        assertThat(table(delivery, "observation").get("recordsRead").asLong()).isEqualTo(13);
        assertThat(table(delivery, "observation").get("recordsRejected").asLong()).isEqualTo(11);
        var quarantine = api.get("/api/deliveries/" + delivery.get("id").asString() + "/quarantine", "holder");
        assertThat(quarantine.body()).contains("\"reason\":\"not_json\"").contains("\"reason\":\"reference\"")
                .contains("\"column\":\"birthDate\"")
                .doesNotContain("1990-13-45").doesNotContain("robot").doesNotContain("Zorglub");

        // the profile validation of the sample (here every record): advisory, message ids and paths only
        JsonNode sample = table(delivery, "patient").get("profileSample");
        assertThat(sample.get("recordsSampled").asLong()).isEqualTo(4);
        assertThat(sample.get("recordsWithErrors").asLong()).as("a bad gender, a bad date, a narrative without its"
                + " XHTML namespace").isEqualTo(3);
        assertThat(sample.get("findings").toString()).contains("\"path\":\"Patient.gender\"")
                .contains("\"path\":\"Patient.birthDate\"");
        assertThat(table(delivery, "observation").get("profileSample").get("recordsSampled").asLong())
                .as("13 records, a sample of 10 in the tests").isEqualTo(10);
        assertThat(delivery.toString()).doesNotContain("1990-13-45").doesNotContain("robot")
                .doesNotContain("Zorglub");
        var page = BrowserSession.signedIn(port, "holder").get("/holder/deliveries/" + delivery.get("id").asString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"profile-validation\"").contains("Patient.gender")
                .containsAnyOf(Texts.en("delivery.profile.heading"), Texts.fr("delivery.profile.heading"))
                .containsAnyOf(Texts.en("delivery.profile.summary", 4, 3, sample.get("recordsWithWarnings").asLong()),
                        Texts.fr("delivery.profile.summary", 4, 3, sample.get("recordsWithWarnings").asLong()))
                .doesNotContain("1990-13-45").doesNotContain("robot");
    }

    @Test
    void a_fhir_bundle_delivery_flattens_its_entries_and_quarantines_the_faulty_ones() throws Exception {
        Path bundle = dir.resolve("patients.json");
        Files.writeString(bundle, """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                  {"fullUrl": "urn:uuid:0b6f3c52-1111-4000-8000-000000000001",
                   "resource": {"resourceType": "Patient", "gender": "female", "birthDate": "1971-04-05",
                                "name": [{"family": "Zorglub"}]},
                   "request": {"method": "POST", "url": "Patient"}},
                  {"resource": {"resourceType": "Observation", "id": "obs-1", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "8302-2"}]},
                    "subject": {"reference": "urn:uuid:0b6f3c52-1111-4000-8000-000000000001"}}},
                  {"request": {"method": "DELETE", "url": "Patient/robot"}},
                  {"resource": {"resourceType": "Robot", "id": "robot"}}
                ]}
                """);
        String dataset = holdersDataset();
        var response = client.deliver("holder", Map.of("dataset", dataset, "format", "FHIR_BUNDLE"), List.of(bundle));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());

        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("ACCEPTED");
        assertThat(delivery.get("format").asString()).isEqualTo("FHIR_BUNDLE");
        assertThat(table(delivery, "patient").get("recordsAccepted").asLong()).isEqualTo(1);
        assertThat(table(delivery, "observation").get("recordsAccepted").asLong()).isEqualTo(1);
        assertThat(table(delivery, "bundle").get("recordsRejected").asLong()).isEqualTo(2);
        var quarantine = api.get("/api/deliveries/" + delivery.get("id").asString() + "/quarantine", "holder");
        assertThat(quarantine.body()).contains("\"column\":\"entry.resource\"")
                .contains("\"reason\":\"resource_type\"").doesNotContain("Robot").doesNotContain("Zorglub");

        var notBundle = client.deliver("holder", Map.of("dataset", dataset, "format", "FHIR_BUNDLE"),
                sndsFiles().subList(0, 1));
        assertThat(notBundle.json().get("code").asString()).isEqualTo("ingest.no_fhir_bundle");
    }

    @Test
    void a_resumable_upload_goes_on_from_the_received_offset_after_an_interruption() throws Exception {
        String dataset = holdersDataset();
        List<Path> files = sndsFiles();
        java.util.ArrayList<String> uploads = new java.util.ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            var created = api.post("/api/deliveries/uploads", "holder",
                    "{\"fileName\": \"" + file.getFileName() + "\", \"size\": " + bytes.length + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            int half = bytes.length / 2;
            assertThat(client.putChunk("holder", id, bytes, 0, half).json().get("offset").asLong()).isEqualTo(half);

            // the client crashed and lost track: a chunk at the wrong offset is refused, the offset can be asked
            assertThat(client.putChunk("holder", id, bytes, 0, half).status()).isEqualTo(409);
            var head = client.head("holder", "/api/deliveries/uploads/" + id);
            assertThat(head.status()).isEqualTo(200);
            long offset = Long.parseLong(head.header("Upload-Offset"));
            assertThat(offset).isEqualTo(half);
            assertThat(api.get("/api/deliveries/uploads/" + id, "alice").status()).isEqualTo(403);
            assertThat(api.post("/api/deliveries/uploads/" + id + "/complete", "holder", "{}").status())
                    .isEqualTo(409);

            assertThat(client.putChunk("holder", id, bytes, (int) offset, bytes.length).json().get("offset")
                    .asLong()).isEqualTo(bytes.length);
            var completed = api.post("/api/deliveries/uploads/" + id + "/complete", "holder",
                    "{\"sha256\": \"" + sha256(bytes) + "\"}");
            assertThat(completed.status()).as(completed.body()).isEqualTo(200);
            assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETE");
            uploads.add(id);
        }
        var response = api.post("/api/deliveries", "holder", "{\"dataset\": \"" + dataset
                + "\", \"format\": \"CSV_TABLE_SCHEMA\", \"identifiers\": {\"BEN_NIR_PSA\": \"NATIONAL_ID\", "
                + "\"BEN_NIR_ANO\": \"NATIONAL_ID\", \"BEN_IDT_ANO\": \"NATIONAL_ID\", \"ASS_NIR_ANO\": \"NATIONAL_ID\"},"
                + " \"uploads\": [\"" + String.join("\", \"", uploads) + "\"]}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());
        assertThat(delivery.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(table(delivery, "IR_BEN_R").get("recordsAccepted").asLong()).isEqualTo(10);
        // an upload is delivered once
        assertThat(api.post("/api/deliveries", "holder", "{\"dataset\": \"" + dataset
                + "\", \"format\": \"CSV_TABLE_SCHEMA\", \"uploads\": [\"" + uploads.get(0) + "\"]}").status())
                .isEqualTo(409);
    }

    @Test
    void a_wrong_sha256_restarts_the_upload_from_zero() {
        var created = api.post("/api/deliveries/uploads", "holder", "{\"fileName\": \"x.csv\", \"size\": 4}");
        String id = created.json().get("id").asString();
        client.putChunk("holder", id, "a,b\n".getBytes(), 0, 4);
        var completed = api.post("/api/deliveries/uploads/" + id + "/complete", "holder",
                "{\"sha256\": \"" + "0".repeat(64) + "\"}");
        assertThat(completed.status()).isEqualTo(422);
        assertThat(completed.json().get("code").asString()).isEqualTo("ingest.upload_hash_mismatch");
        assertThat(api.get("/api/deliveries/uploads/" + id, "holder").json().get("offset").asLong()).isZero();
    }

    @Test
    void a_holder_cannot_deliver_for_another_holders_dataset() throws Exception {
        var refused = client.deliver("holder", Map.of("dataset", anotherHoldersPublishedDataset(jdbc),
                "format", "CSV_TABLE_SCHEMA"), sndsFiles());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asString()).isEqualTo("ingest.not_dataset_holder");

        // another holder's draft does not exist for this holder
        String draft = holdersDataset();
        var organisation = api.post("/api/organisations", "admin", "{\"name\": \"Other holder " + draft
                + "\", \"type\": \"DATA_HOLDER\", \"identifier\": \"OTHER-" + draft.substring(0, 8) + "\"}");
        assertThat(api.put("/api/catalogue/datasets/" + draft + "/holder", "admin", "{\"organisationId\": \""
                + organisation.json().get("id").asString() + "\"}").status()).isEqualTo(200);
        assertThat(client.deliver("holder", Map.of("dataset", draft, "format", "CSV_TABLE_SCHEMA"), sndsFiles())
                .status()).isEqualTo(404);
    }

    /** A dataset of the demo catalogue published by a holder other than the demo holder's organisation. */
    static String anotherHoldersPublishedDataset(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        return jdbc.sql("""
                select d.id::text from dataset d
                 where d.status = 'PUBLISHED' and d.holder_id is not null
                   and d.holder_id <> (select organisation_id from app_user where username = 'holder')
                 order by d.id limit 1
                """).query(String.class).single();
    }

    @Test
    void files_that_do_not_make_a_delivery_are_refused_before_anything_is_queued() throws Exception {
        String dataset = holdersDataset();
        Path csv = sndsFiles().get(0);
        var noSchema = client.deliver("holder", Map.of("dataset", dataset, "format", "CSV_TABLE_SCHEMA"),
                List.of(csv));
        assertThat(noSchema.status()).isEqualTo(422);
        assertThat(noSchema.json().get("code").asString()).isEqualTo("ingest.schema_missing");
        var unknownColumn = client.deliver("holder", Map.of("dataset", dataset, "format", "CSV_TABLE_SCHEMA",
                "identifiers", "NO_SUCH_COLUMN=REMOVE"), sndsFiles());
        assertThat(unknownColumn.json().get("code").asString()).isEqualTo("ingest.identifier_unknown");
        var noFhir = client.deliver("holder", Map.of("dataset", dataset, "format", "FHIR_NDJSON"), List.of(csv));
        assertThat(noFhir.json().get("code").asString()).isEqualTo("ingest.no_fhir_file");
        assertThat(api.get("/api/deliveries", "holder").json().findValues("dataset").stream()
                .map(JsonNode::asString)).doesNotContain(dataset);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A new draft dataset of the demo holder's organisation. */
    private String holdersDataset() {
        var created = api.post("/api/catalogue/datasets", "holder",
                "{\"identifier\": \"DELIVERY-" + java.util.UUID.randomUUID() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<Path> sndsFiles() {
        return Stream.of("IR_BEN_R.csv", "IR_BEN_R.schema.json", "IR_IBA_R.csv", "IR_IBA_R.schema.json")
                .map(this::copy).toList();
    }

    private Path copy(String name) {
        try (InputStream in = getClass().getResourceAsStream("/ingest/snds/" + name)) {
            Path target = dir.resolve(name);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode table(JsonNode delivery, String name) {
        for (JsonNode t : delivery.get("tables")) {
            if (t.get("table").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("No table " + name + " in " + delivery);
    }

    /** Non-blank lines after the header for CSV, non-blank lines for NDJSON: the records a delivery reads. */
    static long records(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            long n = lines.filter(l -> !l.isBlank()).count();
            return file.toString().endsWith(".csv") ? n - 1 : n;
        }
    }

    static String firstValue(Path csv) throws IOException {
        return Files.readAllLines(csv).get(1).split(",")[0];
    }

    static long count(Path parquet) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('"
                        + parquet.toString().replace("'", "''") + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
