package eu.guichet.extract;

import static eu.guichet.extract.ExtractJourneys.FHIR_VARIABLES;
import static eu.guichet.extract.ExtractJourneys.everyone;
import static eu.guichet.extract.ExtractJourneys.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.access.AccessJourneys;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.optout.Citizens;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Extracts on the Synthea population delivered as FHIR through ingestion: a granted permit's extract is built with its
 * evidence (the files' real SHA-256), a citizen who opts out afterwards is in the earlier permit's extract and absent
 * from a later permit's, two permits' extracts share no person pseudonym, an amendment's added dataset applies the
 * opt-outs of its own instant and links to the granted data, a population filter narrows every table, and a permit
 * granted before its data waits for the delivery (which also answers the holder's data request).
 */
@GuichetIntegrationTest
class ExtractIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${guichet.extract.dir}")
    Path extractDir;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Pseudonymiser pseudonymiser;

    Api api;
    ExtractJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new ExtractJourneys(api, extractDir);
    }

    @Test
    void an_opt_out_excludes_the_person_from_later_permits_extracts_only_and_two_projects_share_no_pseudonym()
            throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        long patients = ExtractJourneys.patientLines().size();

        String first = journeys.grantedPermit(dataset, everyone(), FHIR_VARIABLES);
        JsonNode e1 = journeys.awaitReady(first, 1);
        // other tests of this class may have opted other patients out already
        long before = e1.get("optOuts").get("personsExcluded").asLong();
        assertThat(e1.get("scope").get("form").asString()).isEqualTo("PSEUDONYMISED");
        assertThat(rows(e1, "patient")).isEqualTo(patients - before);
        assertThat(e1.get("personsIncluded").asLong()).isEqualTo(patients - before);
        assertThat(journeys.assertFilesMatchTheirHashes(e1)).contains("extract.duckdb", "parquet/patient.parquet",
                "parquet/condition.parquet", "parquet/encounter.parquet");

        String nir = ExtractJourneys.nir(0);
        String citizen = Citizens.newCitizen(identity, nir);
        assertThat(api.post("/api/optouts", citizen, null).status()).isEqualTo(201);

        String second = journeys.grantedPermit(dataset, everyone(), FHIR_VARIABLES);
        JsonNode e2 = journeys.awaitReady(second, 1);
        JsonNode snapshot = e2.get("optOuts").get("snapshots").get(0);
        assertThat(snapshot.get("personsInSnapshot").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(snapshot.get("personsExcluded").asLong()).isEqualTo(before + 1);
        assertThat(rows(e2, "patient")).isEqualTo(patients - before - 1);
        journeys.assertFilesMatchTheirHashes(e2);

        String national = pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nir);
        Set<String> persons1 = journeys.personIds(e1, "patient");
        Set<String> persons2 = journeys.personIds(e2, "patient");
        assertThat(persons1).contains(project(first, e1, national));
        assertThat(persons2).doesNotContain(project(second, e2, national));
        assertThat(persons2).hasSize((int) (patients - before - 1)).doesNotContainAnyElementsOf(persons1);
        Set<String> encounters1 = journeys.values(e1, "condition", "encounter_id");
        assertThat(encounters1).isNotEmpty().allMatch(id -> id.startsWith("r"));
        assertThat(journeys.values(e2, "condition", "encounter_id")).doesNotContainAnyElementsOf(encounters1);
        assertThat(api.get("/api/permits/" + first + "/extract", "bob").status()).isEqualTo(404);
    }

    @Test
    void an_amendment_adds_a_holders_claims_linked_to_the_same_persons_under_the_amendments_opt_outs()
            throws Exception {
        DatasetId fhir = AccessJourneys.publishedDataset(api, "SYNTHEA");
        DatasetId claims = AccessJourneys.publishedDataset(api, "CLAIMS");
        journeys.deliverFhir(fhir);
        journeys.deliverClaims(claims);
        String permit = journeys.grantedPermit(fhir, everyone(), FHIR_VARIABLES);
        JsonNode v1 = journeys.awaitReady(permit, 1);

        // patient 2 (who has claims) opts out after the grant, before the amendment that adds the claims
        String nir = ExtractJourneys.nir(2);
        assertThat(api.post("/api/optouts", Citizens.newCitizen(identity, nir), null).status()).isEqualTo(201);
        var amended = api.post("/api/permits/" + permit + "/amendments", "decider", """
                {"reason": "The claims are needed too.", "addedDatasets": [{"datasetId": "%s", "identifier": "CLAIMS",
                 "variables": [{"name": "PRESTATIONS.EXE_SOI_DTD", "justification": "Care dates."},
                               {"name": "PRESTATIONS.PRS_PAI_MNT", "justification": "Amounts."}]}]}
                """.formatted(claims));
        assertThat(amended.status()).as(amended.body()).isEqualTo(201);
        JsonNode v2 = journeys.awaitReady(permit, 2);

        String person = project(permit, v2, pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nir));
        Set<String> patients = journeys.personIds(v2, "patient");
        Set<String> claimants = journeys.personIds(v2, "PRESTATIONS");
        assertThat(patients).contains(person).isEqualTo(journeys.personIds(v1, "patient"));
        assertThat(claimants).doesNotContain(person).isNotEmpty().isSubsetOf(patients);
        assertThat(v2.get("optOuts").get("snapshots")).hasSize(2);
        Set<String> personColumns = new java.util.HashSet<>();
        v2.get("scope").get("tables").forEach(t -> personColumns.add(t.get("person").asString()));
        assertThat(personColumns).contains("PRESTATIONS.BEN_NIR_PSA", "patient.person_id via condition.patient_id");
        journeys.assertFilesMatchTheirHashes(v2);
    }

    @Test
    void a_population_filter_leaves_the_other_persons_out_of_every_table() throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        long women = ExtractJourneys.patientLines().stream().filter(l -> l.contains("\"gender\":\"female\"")).count();
        ObjectNode population = everyone();
        population.putArray("sexes").add("FEMALE");

        JsonNode e = journeys.awaitReady(journeys.grantedPermit(dataset, population, FHIR_VARIABLES), 1);

        assertThat(e.get("scope").get("population").asString()).isEqualTo("FILTERED");
        assertThat(rows(e, "patient")).isEqualTo(women - e.get("optOuts").get("personsExcluded").asLong());
        assertThat(e.get("personsOutsidePopulation").asLong()).isPositive();
        assertThat(journeys.personIds(e, "condition")).isSubsetOf(journeys.personIds(e, "patient"));
    }

    @Test
    void a_code_list_keeps_the_persons_with_one_of_its_codes_in_the_period() throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        // The fixture's SNOMED condition code most patients have with an onset in the permit's period (2019–2024),
        // among those not every patient has.
        java.util.Map<String, Set<String>> patientsByCode = new java.util.HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(
                eu.guichet.ingest.SyntheaFixture.fhirDirectory().resolve("Condition.ndjson"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
            JsonNode coding = c.path("code").path("coding").path(0);
            String onset = c.path("onsetDateTime").asString("");
            if (coding.path("system").asString("").equals("http://snomed.info/sct") && onset.length() >= 10
                    && onset.substring(0, 10).compareTo("2019-01-01") >= 0
                    && onset.substring(0, 10).compareTo("2024-12-31") <= 0) {
                patientsByCode.computeIfAbsent(coding.path("code").asString(), k -> new java.util.HashSet<>())
                        .add(c.path("subject").path("reference").asString());
            }
        }
        long patients = ExtractJourneys.patientLines().size();
        var code = patientsByCode.entrySet().stream().filter(e -> e.getValue().size() < patients)
                .max(java.util.Map.Entry.comparingByValue(java.util.Comparator.comparingInt(Set::size)))
                .orElseThrow();
        ObjectNode population = everyone();
        ObjectNode list = population.putArray("codeLists").addObject();
        list.put("system", "http://snomed.info/sct");
        list.putArray("codes").add(code.getKey());

        JsonNode e = journeys.awaitReady(journeys.grantedPermit(dataset, population, FHIR_VARIABLES), 1);

        assertThat(e.get("scope").get("population").asString()).isEqualTo("FILTERED");
        long withCode = code.getValue().size();
        assertThat(rows(e, "patient")).isPositive().isLessThanOrEqualTo(withCode)
                .isGreaterThanOrEqualTo(withCode - e.get("optOuts").get("personsExcluded").asLong());
        assertThat(e.get("personsOutsidePopulation").asLong()).isPositive();
        assertThat(journeys.personIds(e, "condition")).isSubsetOf(journeys.personIds(e, "patient"));
    }

    @Test
    void a_permit_granted_before_the_data_waits_for_the_delivery_which_also_answers_the_data_request()
            throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        String permit = journeys.grantedPermit(dataset, everyone(), FHIR_VARIABLES);
        org.awaitility.Awaitility.await().until(() -> api.get("/api/permits/" + permit + "/extract", "alice").json()
                .get("status").asString().equals("WAITING_DATA"));
        String application = api.get("/api/permits/" + permit, "alice").json().get("permit").get("applicationId")
                .asString();
        String path = "/api/applications/" + application + "/holder-requests";
        assertThat(api.get(path, "alice").json().get(0).get("status").asString()).isEqualTo("REQUESTED");

        journeys.deliverFhir(dataset);

        JsonNode e = journeys.awaitReady(permit, 1);
        assertThat(e.get("personsIncluded").asLong()).isEqualTo(ExtractJourneys.patientLines().size()
                - e.get("optOuts").get("personsExcluded").asLong());
        org.awaitility.Awaitility.await().until(() -> api.get(path, "alice").json().get(0).get("status").asString()
                .equals("DELIVERED"));
        assertThat(api.get(path, "alice").json().get(0).get("clock").get("period").asString()).isEqualTo("PROVISION");
    }

    @Test
    void an_anonymised_permit_gets_generalised_data_where_every_group_has_k_persons() throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);

        JsonNode e = journeys.awaitReady(journeys.grantedPermit(dataset, everyone(), 3, "patient.sex",
                "patient.postcode_prefix", "condition.code", "condition.onset_date"), 1);

        assertThat(e.get("scope").get("minimumK").asInt()).isEqualTo(3);
        assertThat(e.get("kAchieved").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(e.get("personsIncluded").asLong() + e.get("personsSuppressed").asLong()
                + e.get("optOuts").get("personsExcluded").asLong()).isEqualTo(ExtractJourneys.patientLines().size());
        Set<String> departements = new java.util.HashSet<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + extractDir.resolve(e.get("extractId")
                .asString()).resolve("extract.duckdb")); var s = c.createStatement();
                var rs = s.executeQuery("SELECT DISTINCT postcode_prefix FROM patient")) {
            while (rs.next()) {
                departements.add(rs.getString(1));
            }
        }
        assertThat(departements).allMatch(d -> d.length() == 2);
    }

    @Test
    void a_build_that_cannot_run_fails_with_a_reason_and_hdab_staff_may_retry_it() throws Exception {
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        String permit = journeys.grantedPermit(dataset, everyone(), "nosuch.column");
        String path = "/api/permits/" + permit + "/extract";
        org.awaitility.Awaitility.await().until(() -> api.get(path, "alice").json().get("status").asString()
                .equals("FAILED"));
        JsonNode failed = api.get(path, "alice").json();
        assertThat(failed.get("reason").asString()).isEqualTo("extract.no_table");
        assertThat(failed.get("scope").get("variablesNotFound").get(0).asString()).isEqualTo("SYNTHEA:nosuch.column");

        assertThat(api.post(path + "/retry", "alice", null).status()).isEqualTo(403);
        var retried = api.post(path + "/retry", "reviewer", null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("status").asString()).isEqualTo("BUILDING");
        org.awaitility.Awaitility.await().until(() -> api.get(path, "alice").json().get("status").asString()
                .equals("FAILED"));
        var again = api.post(path + "/retry", "reviewer", null);
        assertThat(again.status()).isEqualTo(200);
        org.awaitility.Awaitility.await().until(() -> api.get(path, "alice").json().get("status").asString()
                .equals("FAILED"));
        String ready = journeys.grantedPermit(dataset, everyone(), FHIR_VARIABLES);
        journeys.awaitReady(ready, 1);
        var refused = api.post("/api/permits/" + ready + "/extract/retry", "reviewer", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("extract.not_failed");
    }

    private String project(String permit, JsonNode evidence, String national) {
        return pseudonymiser.forProject(permit, evidence.get("keyVersion").asInt()).pseudonym(national);
    }
}
