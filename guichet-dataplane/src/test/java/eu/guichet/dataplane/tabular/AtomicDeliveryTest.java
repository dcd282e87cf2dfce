package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;

/** Security property 9: a failed delivery publishes nothing, and a retry succeeds. */
@Tag("integration")
class AtomicDeliveryTest {

    static final String DATASET = "CHU-CONSULT";

    @TempDir
    Path dir;

    DatasetLake lake;
    DeliveryProcessor processor;
    Delivery delivery;

    @BeforeEach
    void setUp() {
        lake = new DatasetLake(dir.resolve("lake"));
        processor = new DeliveryProcessor(lake, new Pseudonymiser(TestKeys.store(1)), new DeliveryOptions("256MB", 2));
        delivery = PatientFiles.delivery(DATASET, "CHU-A", PatientFiles.write(dir.resolve("c.csv"), 3000, 500));
    }

    @Test
    void a_failure_after_some_records_publishes_nothing_and_a_retry_succeeds() {
        DeliveryObserver failing = new DeliveryObserver() {
            @Override
            public void recordRead(String table, long records) {
                if (records == 1200) {
                    throw new IllegalStateException("injected failure");
                }
            }
        };
        assertThatThrownBy(() -> processor.deliver(delivery, failing)).hasMessage("injected failure");
        assertThat(lake.versions(DATASET)).isEmpty();
        assertThat(lake.stagingLeftovers(DATASET)).isEmpty();

        DeliveryReport retry = processor.deliver(delivery);
        assertThat(retry.outcome()).isEqualTo(DeliveryReport.Outcome.PUBLISHED);
        assertThat(retry.version()).isEqualTo("v000001");
        assertThat(retry.table("CONSULTATIONS").orElseThrow().recordsRead()).isEqualTo(3000);
    }

    @Test
    void a_failure_just_before_publication_publishes_nothing() {
        DeliveryObserver failing = new DeliveryObserver() {
            @Override
            public void beforePublish(String datasetId, String version) {
                throw new IllegalStateException("disk full");
            }
        };
        assertThatThrownBy(() -> processor.deliver(delivery, failing)).hasMessage("disk full");
        assertThat(lake.versions(DATASET)).isEmpty();
        assertThat(processor.deliver(delivery).version()).isEqualTo("v000001");
    }

    @Test
    void an_interrupted_thread_stops_the_delivery_and_a_retry_succeeds() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                processor.deliver(delivery, new DeliveryObserver() {
                    @Override
                    public void recordRead(String table, long records) {
                        if (records == 1500) {
                            Thread.currentThread().interrupt(); // as an operator's cancel would
                        }
                    }
                });
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        worker.start();
        worker.join();
        assertThat(failure.get()).isInstanceOf(DeliveryException.class).hasMessageContaining("interrupted");
        assertThat(lake.versions(DATASET)).isEmpty();
        assertThat(processor.deliver(delivery).outcome()).isEqualTo(DeliveryReport.Outcome.PUBLISHED);
    }

    @Test
    void what_a_killed_process_left_in_staging_is_discarded_by_the_next_delivery() throws Exception {
        // A process killed mid-delivery leaves a staging directory with a half-written version and its work file.
        Path leftover = lake.root().resolve(DATASET).resolve(".staging").resolve("3f0e-killed");
        Files.createDirectories(leftover.resolve("publish/tables"));
        Files.writeString(leftover.resolve("publish/tables/CONSULTATIONS.parquet"), "half written");
        Files.writeString(leftover.resolve("work.duckdb"), "raw identifiers");
        assertThat(lake.versions(DATASET)).isEmpty();

        DeliveryReport report = processor.deliver(delivery);

        assertThat(report.version()).isEqualTo("v000001");
        assertThat(lake.stagingLeftovers(DATASET)).isEmpty();
        assertThat(Files.exists(leftover)).isFalse();
    }

    @Test
    void each_new_content_is_a_new_version() {
        processor.deliver(delivery);
        Delivery changed = PatientFiles.delivery(DATASET, "CHU-A", PatientFiles.write(dir.resolve("d.csv"), 3001, 500));
        assertThat(processor.deliver(changed).version()).isEqualTo("v000002");
        assertThat(processor.deliver(delivery).outcome()).isEqualTo(DeliveryReport.Outcome.DUPLICATE);
        assertThat(lake.versions(DATASET)).containsExactly("v000001", "v000002");
    }

    @Test
    void the_same_file_with_another_treatment_is_a_new_version_not_a_duplicate() {
        processor.deliver(delivery);
        TableDelivery table = delivery.tables().get(0);
        java.util.Map<String, ColumnTreatment> more = new java.util.HashMap<>(table.treatments());
        more.remove("NOM");
        Delivery nameKept = new Delivery(DATASET, "CHU-A",
                java.util.List.of(TableDelivery.csv(table.schema(), table.csvFile(), more)));
        assertThat(processor.deliver(nameKept).outcome()).as("a treatment changed")
                .isEqualTo(DeliveryReport.Outcome.PUBLISHED);
        assertThat(processor.deliver(nameKept).outcome()).isEqualTo(DeliveryReport.Outcome.DUPLICATE);
    }

    @Test
    void a_dataset_id_never_names_a_path_outside_the_lake() {
        for (String id : java.util.List.of("../etc", "..", "a/b", "/tmp", "")) {
            assertThatThrownBy(() -> lake.versions(id)).as(id).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
