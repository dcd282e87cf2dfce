package eu.guichet.dataplane.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ca.uhn.fhir.validation.SingleValidationMessage;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.ProfileFinding;
import eu.guichet.dataplane.tabular.ProfileSampleReport;
import eu.guichet.dataplane.tabular.TableReport;

/**
 * The full FHIR profile validation of a sample of each delivery: on the Synthea population, on a crafted resource the
 * streaming checks let through, and the sample's bounds.
 */
@Tag("integration")
class ProfileSampleValidationTest {

    /** A value held by the crafted observation only: it must never reach the report. */
    private static final String CRAFTED = "CRAFTED-7731";
    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"female\","
            + "\"birthDate\":\"1970-01-01\"}";
    /** Passes the streaming checks; breaks obs-6 (a value and a data-absent reason) and the comparator's binding. */
    private static final String CRAFTED_OBSERVATION = "{\"resourceType\":\"Observation\",\"id\":\"o1\","
            + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8302-2\"}]},"
            + "\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"2020-01-01\","
            + "\"valueQuantity\":{\"value\":170,\"comparator\":\"" + CRAFTED + "\",\"unit\":\"cm\"},"
            + "\"dataAbsentReason\":{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\"code\":\"unknown\"}]}}";

    @TempDir
    static Path dir;

    static Path fhir;
    static DeliveryReport synthea;

    @BeforeAll
    static void deliverSynthea() {
        fhir = SyntheaFixture.fhirDirectory();
        synthea = processor(new DatasetLake(dir.resolve("synthea-lake")), DeliveryOptions.DEFAULT_PROFILE_SAMPLE_SIZE)
                .deliver(new FhirDelivery("SYNTHEA-MA", "SYNTHEA", fhir));
        for (TableReport t : synthea.tables()) {
            ProfileSampleReport p = t.profileSample();
            System.out.printf("%-20s sampled %3d errors %3d warnings %3d%n", t.table(), p.recordsSampled(),
                    p.recordsWithErrors(), p.recordsWithWarnings());
            p.findings().forEach(f -> System.out.printf("    %-11s %4d %s %s%n", f.severity(), f.records(),
                    f.messageId(), f.path()));
        }
    }

    private static FhirDeliveryProcessor processor(DatasetLake lake, int sampleSize) {
        return new FhirDeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)),
                new DeliveryOptions("512MB", 2, sampleSize));
    }

    @Test
    void every_synthea_table_gets_a_sample_of_the_configured_size_or_all_its_records() {
        for (FhirView view : FhirViews.ALL) {
            TableReport t = synthea.table(view.name()).orElseThrow();
            ProfileSampleReport p = t.profileSample();
            assertThat(p).as(view.name()).isNotNull();
            assertThat(p.recordsSampled()).as(view.name())
                    .isEqualTo(Math.min(DeliveryOptions.DEFAULT_PROFILE_SAMPLE_SIZE, t.recordsRead()));
            assertThat(p.oversizedSkipped()).as(view.name()).isZero();
        }
    }

    @Test
    void what_synthea_does_not_hold_to_does_not_drown_the_report_in_errors() {
        for (TableReport t : synthea.tables()) {
            ProfileSampleReport p = t.profileSample();
            // Synthea declares US Core profiles, which are not loaded: information, not an error of every record
            assertThat(p.findings()).filteredOn(f -> f.messageId().equals(ProfileValidator.PROFILE_UNKNOWN))
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo("information"));
            // no best-practice noise (narrative, performer)
            assertThat(p.findings()).extracting(ProfileFinding::messageId)
                    .doesNotContain("http://hl7.org/fhir/StructureDefinition/DomainResource#dom-6",
                            "All_observations_should_have_a_performer");
            assertThat(p.recordsWithErrors()).as(t.table() + ": records with errors")
                    .isLessThanOrEqualTo(p.recordsSampled() / 10);
            assertThat(p.findings()).as(t.table()).allSatisfy(f -> {
                assertThat(f.path()).doesNotContain("[").startsWith(resourceType(t.table()));
                assertThat(f.records()).isBetween(1L, p.recordsSampled());
            });
        }
    }

    @Test
    void a_resource_that_breaks_a_base_r4_rule_the_streaming_checks_do_not_test_is_reported_and_still_accepted()
            throws Exception {
        Path delivery = Files.createDirectories(dir.resolve("crafted"));
        Files.writeString(delivery.resolve("Patient.ndjson"), PATIENT + "\n");
        Files.writeString(delivery.resolve("Observation.ndjson"), CRAFTED_OBSERVATION + "\n");
        DatasetLake lake = new DatasetLake(dir.resolve("crafted-lake"));
        DeliveryReport report = processor(lake, 10).deliver(new FhirDelivery("CRAFTED", "HOLDER-A", delivery));

        TableReport observations = report.table("observation").orElseThrow();
        assertThat(observations.recordsAccepted()).as("advisory: never a reason to reject").isEqualTo(1);
        ProfileSampleReport p = observations.profileSample();
        assertThat(p.recordsSampled()).isEqualTo(1);
        assertThat(p.recordsWithErrors()).isEqualTo(1);
        assertThat(p.findings()).contains(
                new ProfileFinding("error", "http://hl7.org/fhir/StructureDefinition/Observation#obs-6",
                        "Observation", 1));
        assertThat(p.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo("error");
            assertThat(f.path()).isEqualTo("Observation.value.ofType(Quantity).comparator");
        });

        // the validator's own text quotes the value; the report (as stored in the version) does not
        List<String> texts = new ArrayList<>();
        for (SingleValidationMessage m : ProfileValidator.validator().validateWithResult(CRAFTED_OBSERVATION)
                .getMessages()) {
            texts.add(m.getMessage());
        }
        assertThat(String.join("\n", texts)).contains(CRAFTED);
        String stored = Files.readString(lake.versionDir("CRAFTED", report.version()).resolve("delivery-report.json"),
                StandardCharsets.UTF_8);
        assertThat(stored).contains("Observation#obs-6").doesNotContain(CRAFTED).doesNotContain("170");
    }

    @Test
    void a_record_the_validator_cannot_read_costs_its_neighbours_in_the_bundle_nothing() {
        // validated together as one Bundle; an unreadable record makes the bundle fall back to one by one
        ProfileSampleReport p = ProfileValidator.validate("Observation",
                List.of(CRAFTED_OBSERVATION, "{\"resourceType\":\"Observation\",\"status\":", CRAFTED_OBSERVATION), 0);

        assertThat(p.recordsSampled()).isEqualTo(3);
        assertThat(p.recordsWithErrors()).isEqualTo(3);
        assertThat(p.findings()).contains(
                new ProfileFinding("error", "http://hl7.org/fhir/StructureDefinition/Observation#obs-6",
                        "Observation", 2));
        assertThat(p.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo("fatal");
            assertThat(f.records()).isEqualTo(1);
        });
        assertThat(p.findings()).noneSatisfy(f -> assertThat(f.messageId()).startsWith("Bundle_"));
    }

    @Test
    void the_sample_is_bounded_and_the_same_records_are_sampled_again() throws Exception {
        Path delivery = Files.createDirectories(dir.resolve("many"));
        Files.writeString(delivery.resolve("Patient.ndjson"), PATIENT + "\n");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 250; i++) {
            lines.append(CRAFTED_OBSERVATION.replace("\"o1\"", "\"o" + i + "\"")).append('\n');
        }
        Files.writeString(delivery.resolve("Observation.ndjson"), lines);
        DeliveryReport first = processor(new DatasetLake(dir.resolve("many-a")), 20)
                .deliver(new FhirDelivery("MANY", "HOLDER-A", delivery));
        assertThat(first.table("observation").orElseThrow().profileSample().recordsSampled()).isEqualTo(20);
        assertThat(first.table("observation").orElseThrow().profileSample().records(
                "http://hl7.org/fhir/StructureDefinition/Observation#obs-6", "Observation")).isEqualTo(20);
        assertThat(first.table("patient").orElseThrow().profileSample().recordsSampled()).isEqualTo(1);

        DeliveryReport off = processor(new DatasetLake(dir.resolve("many-b")), 0)
                .deliver(new FhirDelivery("MANY", "HOLDER-A", delivery));
        assertThat(off.tables()).extracting(TableReport::profileSample).containsOnlyNulls();
    }

    @Test
    void a_reservoir_keeps_the_same_records_for_the_same_delivery_and_skips_oversized_ones() {
        String hash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        List<String> a = sample(hash, 1000, 25);
        assertThat(a).hasSize(25).doesNotHaveDuplicates().isEqualTo(sample(hash, 1000, 25));
        assertThat(a).isNotEqualTo(sample("f" + hash.substring(1), 1000, 25));
        assertThat(a).as("not just the first records").anyMatch(r -> Integer.parseInt(r) >= 25);
        assertThat(sample(hash, 10, 25)).hasSize(10);

        ResourceSample s = new ResourceSample(5, hash, "Observation");
        s.offer("x".repeat(ResourceSample.MAX_RESOURCE_CHARS + 1));
        s.offer("{}");
        assertThat(s.oversized()).isEqualTo(1);
        assertThat(s.resources()).containsExactly("{}");
    }

    private static List<String> sample(String hash, int records, int size) {
        ResourceSample s = new ResourceSample(size, hash, "Observation");
        for (int i = 0; i < records; i++) {
            s.offer(Integer.toString(i));
        }
        return List.copyOf(s.resources());
    }

    private static String resourceType(String table) {
        return FhirViews.ALL.stream().filter(v -> v.name().equals(table)).findFirst().orElseThrow().resource();
    }
}
