package eu.guichet.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import eu.guichet.access.ApplicationForms;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.ingest.DeliveryClient;
import eu.guichet.ingest.SyntheaFixture;
import eu.guichet.testing.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extract tests' steps through the API: the Synthea population delivered (FHIR, and the SNDS-like claims of half of
 * it), a permit granted for it, its extract awaited, the extract's files and person pseudonyms read back.
 */
public final class ExtractJourneys {

    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String[] FHIR_VARIABLES = { "patient.birth_year", "patient.sex", "condition.code",
        "condition.onset_date", "condition.encounter_id", "encounter.class_code" };

    private final Api api;
    private final Path extractDir;

    public ExtractJourneys(Api api, Path extractDir) {
        this.api = api;
        this.extractDir = extractDir;
    }

    public void deliverFhir(DatasetId dataset) throws Exception {
        deliver(dataset, "FHIR_NDJSON", SyntheaFixture.fhirDirectory(), Map.of());
    }

    /** The claims of the even patients, their NIR declared a national identifier. */
    void deliverClaims(DatasetId dataset) throws Exception {
        deliver(dataset, "CSV_TABLE_SCHEMA", SyntheaFixture.fhirDirectory().resolveSibling("snds"),
                Map.of("identifiers", "BEN_NIR_PSA=NATIONAL_ID"));
    }

    private void deliver(DatasetId dataset, String format, Path dir, Map<String, String> more) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".ndjson") || p.toString().endsWith(".csv")
                    || p.toString().endsWith(".schema.json")).sorted().toList();
        }
        DeliveryClient client = new DeliveryClient(api);
        Map<String, String> fields = new java.util.HashMap<>(more);
        fields.put("dataset", dataset.toString());
        fields.put("format", format);
        var response = client.deliver("holder", fields, files);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());
        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("ACCEPTED");
    }

    /** An application by alice for these variables, everyone (or this population) included, granted; the permit. */
    public String grantedPermit(DatasetId dataset, ObjectNode population, String... variables) {
        return grantedPermit(dataset, population, 0, variables);
    }

    /** With {@code minimumK} above 0: an anonymised permit with that minimum k. */
    String grantedPermit(DatasetId dataset, ObjectNode population, int minimumK, String... variables) {
        ApplicationForms forms = ApplicationForms.aCompleteForm().forDataset(dataset, "SYNTHEA", variables);
        ObjectNode form = (ObjectNode) JSON.readTree((minimumK > 0 ? forms.anonymised() : forms).json());
        form.set("population", population);
        var created = api.post("/api/applications", "alice", "{\"kind\": \"DATA_ACCESS\", \"form\": " + form + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/applications/" + id + "/submit", "alice", null).status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + id + "/transitions", "reviewer", "{\"action\": \"accept\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + id + "/assessment", "reviewer",
                "{\"recommendation\": \"GRANTED\", \"criteria\": [{\"criterion\": \"PURPOSE\", \"verdict\": \"MET\"}]}")
                .status()).isEqualTo(200);
        var decided = api.post("/api/applications/" + id + "/decision", "decider",
                "{\"outcome\": \"GRANTED\", \"justification\": \"Purpose (e), minimised.\", \"durationMonths\": 24"
                        + (minimumK > 0 ? ", \"minimumK\": " + minimumK : "") + "}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        return api.get("/api/applications/" + id, "alice").json().get("permitId").asString();
    }

    public static ObjectNode everyone() {
        ObjectNode p = JSON.createObjectNode();
        p.putNull("minAge");
        p.putNull("maxAge");
        p.putArray("sexes");
        p.putArray("regionCodes");
        p.putArray("codeLists");
        return p;
    }

    /** The permit's extract once READY for this version (fails at once if it FAILED). */
    public JsonNode awaitReady(String permit, int version) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = api.get("/api/permits/" + permit + "/extract", "alice");
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            if (last[0].path("version").asInt() != version) {
                return false;
            }
            assertThat(last[0].get("status").asString()).as(last[0].toString()).isNotEqualTo("FAILED");
            return last[0].get("status").asString().equals("READY");
        });
        return last[0];
    }

    static long rows(JsonNode evidence, String table) {
        for (JsonNode t : evidence.get("rows")) {
            if (t.get("table").asString().equals(table)) {
                return t.get("rows").asLong();
            }
        }
        throw new AssertionError("no table " + table + " in " + evidence);
    }

    /** Every file the evidence lists has its size and SHA-256 on disk; answers the paths. */
    public Set<String> assertFilesMatchTheirHashes(JsonNode evidence) throws Exception {
        Path dir = extractDir.resolve(evidence.get("extractId").asString());
        Set<String> paths = new HashSet<>();
        for (JsonNode f : evidence.get("files")) {
            Path file = dir.resolve(f.get("path").asString());
            assertThat(sha256(file)).as(f.get("path").asString()).isEqualTo(f.get("sha256").asString());
            assertThat(Files.size(file)).isEqualTo(f.get("bytes").asLong());
            paths.add(f.get("path").asString());
        }
        return paths;
    }

    /** The distinct person pseudonyms of one table of the extract. */
    Set<String> personIds(JsonNode evidence, String table) throws Exception {
        return values(evidence, table, "person_id");
    }

    /** The distinct non-null values of one column of one table of the extract. */
    Set<String> values(JsonNode evidence, String table, String column) throws Exception {
        Path db = extractDir.resolve(evidence.get("extractId").asString()).resolve("extract.duckdb");
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT \"" + column + "\" FROM \"" + table + "\" WHERE \""
                        + column + "\" IS NOT NULL")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    static List<String> patientLines() throws Exception {
        return Files.readAllLines(SyntheaFixture.fhirDirectory().resolve("Patient.ndjson"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList();
    }

    /** The synthetic NIR the fixture gave the patient on this line (guichet-synthetic's NationalIds). */
    static String nir(int patientLine) throws Exception {
        return JSON.readTree(patientLines().get(patientLine)).get("identifier").get(0).get("value").asString();
    }

    static String sha256(Path file) throws Exception {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }
}
