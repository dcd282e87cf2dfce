package eu.guichet.extract.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.access.AccessJourneys;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.extract.ExtractJourneys;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A build a stop interrupted (left BUILDING, its staging directory and even its renamed directory on disk) is built
 * again from scratch at the next start: no leftover stays, the evidence matches the new files.
 */
@GuichetIntegrationTest
class ExtractRestartTest {

    @LocalServerPort
    int port;

    @Value("${guichet.extract.dir}")
    Path extractDir;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ExtractBuilds builds;

    @Test
    void an_interrupted_build_is_built_again_at_start_without_leftovers() throws Exception {
        Api api = new Api(port);
        ExtractJourneys journeys = new ExtractJourneys(api, extractDir);
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        String permit = journeys.grantedPermit(dataset, ExtractJourneys.everyone(), ExtractJourneys.FHIR_VARIABLES);
        JsonNode first = journeys.awaitReady(permit, 1);

        // as if the process stopped after the rename, before the database recorded READY
        jdbc.sql("update permit_extract set status = 'BUILDING', evidence = null, built_at = null where permit_id = ?")
                .param(UUID.fromString(permit)).update();
        Path staging = Files.createDirectories(extractDir.resolve(".staging-" + UUID.randomUUID()).resolve("parquet"));
        Files.writeString(staging.resolve("half.parquet"), "half-written");

        builds.resumeInterrupted();

        JsonNode again = journeys.awaitReady(permit, 1);
        assertThat(again.get("builtAt").asString()).isNotEqualTo(first.get("builtAt").asString());
        assertThat(again.get("personsIncluded").asLong()).isEqualTo(first.get("personsIncluded").asLong());
        journeys.assertFilesMatchTheirHashes(again);
        await().until(() -> !Files.exists(staging.getParent()));
        try (var entries = Files.list(extractDir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".staging-"));
        }
    }
}
