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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.access.AccessJourneys;
import eu.guichet.access.ApplicationForms;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.ingest.DeliveryClient;
import eu.guichet.ingest.SyntheaFixture;
import eu.guichet.optout.Citizens;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extracts on the Synthea population delivered as FHIR through ingestion: a granted permit's extract is built with its
 * evidence (the files' real SHA-256), a citizen who opts out afterwards is in the earlier permit's extract and absent
 * from a later permit's, and two permits' extracts share no person pseudonym.
 */
@GuichetIntegrationTest
class ExtractIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Value("${guichet.extract.dir}")
    Path extractDir;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Pseudonymiser pseudonymiser;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void an_opt_out_excludes_the_person_from_later_permits_extracts_only_and_two_projects_share_no_pseudonym()
            throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        deliverSynthea(dataset);

        String first = grantedPermit(dataset);
        JsonNode e1 = awaitReady(first);
        assertThat(e1.get("optOuts").get("personsExcluded").asLong()).isZero();
        assertThat(e1.get("scope").get("form").asString()).isEqualTo("PSEUDONYMISED");
        assertThat(rows(e1, "patient")).isEqualTo(patients());
        assertThat(e1.get("personsIncluded").asLong()).isEqualTo(patients());
        assertFilesMatchTheirHashes(e1);

        String nir = firstPatientsNir();
        String citizen = Citizens.newCitizen(identity, nir);
        assertThat(api.post("/api/optouts", citizen, null).status()).isEqualTo(201);

        String second = grantedPermit(dataset);
        JsonNode e2 = awaitReady(second);
        JsonNode snapshot = e2.get("optOuts").get("snapshots").get(0);
        assertThat(snapshot.get("personsInSnapshot").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(snapshot.get("personsExcluded").asLong()).isEqualTo(1);
        assertThat(rows(e2, "patient")).isEqualTo(patients() - 1);
        assertFilesMatchTheirHashes(e2);

        String national = pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nir);
        Set<String> persons1 = personIds(e1);
        Set<String> persons2 = personIds(e2);
        assertThat(persons1).contains(pseudonymiser.forProject(first, e1.get("keyVersion").asInt()).pseudonym(national));
        assertThat(persons2).doesNotContain(pseudonymiser.forProject(second, e2.get("keyVersion").asInt())
                .pseudonym(national));
        assertThat(persons2).hasSize((int) patients() - 1).doesNotContainAnyElementsOf(persons1);
        assertThat(api.get("/api/permits/" + first + "/extract", "bob").status()).isEqualTo(404);
    }

    private void deliverSynthea(DatasetId dataset) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(SyntheaFixture.fhirDirectory())) {
            files = list.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        DeliveryClient client = new DeliveryClient(api);
        var response = client.deliver("holder", Map.of("dataset", dataset.toString(), "format", "FHIR_NDJSON"), files);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode delivery = client.awaitProcessed("holder", response.json().get("id").asString());
        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("ACCEPTED");
    }

    /** An application by alice for the Synthea tables, everyone in the population, granted; the permit's id. */
    private String grantedPermit(DatasetId dataset) {
        ObjectNode form = (ObjectNode) JSON.readTree(ApplicationForms.aCompleteForm().forDataset(dataset, "SYNTHEA",
                "patient.birth_year", "patient.sex", "condition.code", "condition.onset_date", "encounter.class_code")
                .json());
        form.putObject("population").putNull("minAge").putNull("maxAge").putArray("sexes");
        ((ObjectNode) form.get("population")).putArray("regionCodes");
        ((ObjectNode) form.get("population")).putArray("codeLists");
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
                "{\"outcome\": \"GRANTED\", \"justification\": \"Purpose (e), minimised.\", \"durationMonths\": 24}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        return api.get("/api/applications/" + id, "alice").json().get("permitId").asString();
    }

    private JsonNode awaitReady(String permit) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = api.get("/api/permits/" + permit + "/extract", "alice");
            if (response.status() != 200) {
                return false;
            }
            last[0] = response.json();
            assertThat(last[0].get("status").asString()).as(last[0].toString()).isNotEqualTo("FAILED");
            return last[0].get("status").asString().equals("READY");
        });
        return last[0];
    }

    private static long rows(JsonNode evidence, String table) {
        for (JsonNode t : evidence.get("rows")) {
            if (t.get("table").asString().equals(table)) {
                return t.get("rows").asLong();
            }
        }
        throw new AssertionError("no table " + table + " in " + evidence);
    }

    private void assertFilesMatchTheirHashes(JsonNode evidence) throws Exception {
        Path dir = extractDir.resolve(evidence.get("extractId").asString());
        Set<String> paths = new HashSet<>();
        for (JsonNode f : evidence.get("files")) {
            Path file = dir.resolve(f.get("path").asString());
            assertThat(sha256(file)).as(f.get("path").asString()).isEqualTo(f.get("sha256").asString());
            assertThat(Files.size(file)).isEqualTo(f.get("bytes").asLong());
            paths.add(f.get("path").asString());
        }
        assertThat(paths).contains("extract.duckdb", "parquet/patient.parquet", "parquet/condition.parquet",
                "parquet/encounter.parquet");
    }

    private Set<String> personIds(JsonNode evidence) throws Exception {
        Path db = extractDir.resolve(evidence.get("extractId").asString()).resolve("extract.duckdb");
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT person_id FROM patient")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static long patients() throws Exception {
        try (Stream<String> lines = Files.lines(SyntheaFixture.fhirDirectory().resolve("Patient.ndjson"))) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    /** The synthetic NIR the fixture gave the first patient (guichet-synthetic's NationalIds). */
    private static String firstPatientsNir() throws Exception {
        String line = Files.readAllLines(SyntheaFixture.fhirDirectory().resolve("Patient.ndjson"),
                StandardCharsets.UTF_8).get(0);
        return JSON.readTree(line).get("identifier").get(0).get("value").asString();
    }

    private static String sha256(Path file) throws Exception {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }
}
