package eu.guichet.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.ingest.Delivery;
import eu.guichet.ingest.DeliveryFormat;
import eu.guichet.ingest.DeliveryId;
import eu.guichet.ingest.DeliveryStatus;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * A restart finds deliveries a crash left RECEIVED or PROCESSING and processes them again from their stored files;
 * one whose version the crash had already published is recorded ACCEPTED with that version, not DUPLICATE.
 */
@GuichetIntegrationTest
class DeliveryRecoveryTest {

    static final Map<String, String> IDENTIFIERS = Map.of("BEN_NIR_PSA", "NATIONAL_ID", "BEN_IDT_ANO", "NATIONAL_ID");

    @LocalServerPort
    int port;

    @Autowired
    DeliveryRepository repository;

    @Autowired
    DeliveryWorkers workers;

    @Autowired
    DeliveryFiles files;

    @Autowired
    DataPlaneRun dataPlane;

    @Autowired
    IdentityManagement identity;

    @Test
    void deliveries_left_received_or_processing_are_processed_at_the_next_start() throws IOException {
        DeliveryId received = leftBehind(DeliveryStatus.RECEIVED);
        DeliveryId processing = leftBehind(DeliveryStatus.PROCESSING);

        workers.resumeInterrupted();

        for (DeliveryId id : List.of(received, processing)) {
            Delivery d = awaitEnd(id);
            assertThat(d.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(d.datasetVersion()).contains("v000001");
            assertThat(files.delivery(id)).doesNotExist();
        }
    }

    @Test
    void a_delivery_whose_version_was_published_before_the_crash_is_recorded_accepted() throws IOException {
        DeliveryId id = leftBehind(DeliveryStatus.PROCESSING);
        Delivery d = repository.find(id).orElseThrow();
        DeliveryReport published = dataPlane.run(d.dataset().toString(), d.holder().toString(), d.format(),
                files.delivery(id), IDENTIFIERS, ',', DeliveryObserver.NONE);
        assertThat(published.outcome()).isEqualTo(DeliveryReport.Outcome.PUBLISHED);

        workers.resumeInterrupted();

        Delivery ended = awaitEnd(id);
        assertThat(ended.status()).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(ended.datasetVersion()).contains(published.version());
        assertThat(dataPlane.lake().versions(d.dataset().toString())).containsExactly("v000001");
    }

    /** A delivery as a crash leaves it: its files stored, its row RECEIVED or PROCESSING, nothing queued. */
    private DeliveryId leftBehind(DeliveryStatus status) throws IOException {
        var created = new Api(port).post("/api/catalogue/datasets", "holder",
                "{\"identifier\": \"RECOVERY-" + java.util.UUID.randomUUID() + "\"}");
        DatasetId dataset = DatasetId.parse(created.json().get("id").asString());
        UserAccount holder = identity.findUserByUsername("holder").orElseThrow();
        DeliveryId id = DeliveryId.random();
        Path dir = Files.createDirectories(files.delivery(id));
        List<String> names = List.of("IR_BEN_R.csv", "IR_BEN_R.schema.json", "IR_IBA_R.csv", "IR_IBA_R.schema.json");
        for (String name : names) {
            try (InputStream in = getClass().getResourceAsStream("/ingest/snds/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Instant now = Instant.now();
        repository.insert(new Delivery(id, dataset, holder.organisationId().orElseThrow(),
                DeliveryFormat.CSV_TABLE_SCHEMA, DeliveryStatus.RECEIVED, holder.id(), now, now, names, 0,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()), IDENTIFIERS, ',');
        if (status == DeliveryStatus.PROCESSING) {
            assertThat(repository.updateStatus(id, DeliveryStatus.RECEIVED, DeliveryStatus.PROCESSING, now)).isTrue();
        }
        return id;
    }

    private Delivery awaitEnd(DeliveryId id) {
        await().atMost(Duration.ofMinutes(2)).until(() -> repository.find(id).orElseThrow().status().terminal());
        return repository.find(id).orElseThrow();
    }
}
