package eu.guichet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import eu.guichet.demo.DemoStep;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The demo started with the generated synthetic population: its preparation delivers the FHIR export and the
 * SNDS-like claims as the demo hospital, both accepted into the lake; the same files delivered again are no-ops.
 */
@GuichetIntegrationTest
class DemoDataIntegrationTest {

    @DynamicPropertySource
    static void synthea(DynamicPropertyRegistry registry) {
        registry.add("guichet.demo.synthea-dir", () -> SyntheaFixture.fhirDirectory().getParent().toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    List<DemoStep> steps;

    @Test
    void the_demo_delivers_the_synthetic_population_at_start_and_again_changes_nothing() throws Exception {
        Api api = new Api(port);
        List<JsonNode> accepted = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .until(() -> deliveries(api, "ACCEPTED"), d -> d.size() == 2);
        JsonNode fhir = accepted.stream().filter(d -> d.get("format").asString().equals("FHIR_NDJSON")).findFirst()
                .orElseThrow();
        JsonNode claims = accepted.stream().filter(d -> d.get("format").asString().equals("CSV_TABLE_SCHEMA"))
                .findFirst().orElseThrow();
        Path patients = SyntheaFixture.fhirDirectory().resolve("Patient.ndjson");
        long lines;
        try (Stream<String> s = Files.lines(patients)) {
            lines = s.filter(l -> !l.isBlank()).count();
        }
        assertThat(table(fhir, "patient").get("recordsAccepted").asLong()).isEqualTo(lines);
        assertThat(table(claims, "PRESTATIONS").get("recordsAccepted").asLong()).isGreaterThan(100);
        assertThat(table(claims, "PRESTATIONS").get("recordsRejected").asLong()).isZero();

        DemoStep step = steps.stream().filter(s -> s.name().equals("synthetic-data")).findFirst().orElseThrow();
        assertThat(step.available()).isTrue();
        step.run(fraction -> { });
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> deliveries(api, "DUPLICATE"), d -> d.size() == 2);
        assertThat(deliveries(api, "ACCEPTED")).hasSize(2);
    }

    private static List<JsonNode> deliveries(Api api, String status) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode d : api.get("/api/deliveries", "holder").json()) {
            if (d.get("status").asString().equals(status)) {
                found.add(d);
            }
        }
        return found;
    }

    private static JsonNode table(JsonNode delivery, String name) {
        for (JsonNode t : delivery.get("tables")) {
            if (t.get("table").asString().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("No table " + name + " in " + delivery);
    }
}
