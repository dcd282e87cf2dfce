package eu.guichet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.pseudonym.PseudonymKeyStore;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.tabular.DatasetLake;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.DeliveryOptions;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.TableReport;
import eu.guichet.ingest.CrashingDelivery.Point;
import eu.guichet.ingest.internal.ChunkWriter;
import eu.guichet.ingest.internal.DataPlaneRun;

/**
 * Security property 9 under SIGKILL: a forked JVM runs an upload or a delivery with the server's code and is killed
 * at a chosen point; then the delivery is resumed from what is on disk, and the lake must hold exactly one complete
 * version, with as many records as the source, and nothing left in staging.
 */
@Tag("integration")
class DeliveryCrashTest {

    @TempDir
    Path dir;

    Path keyFile;
    Path lakeDir;
    Path delivery;

    @BeforeEach
    void setUp() throws IOException {
        keyFile = dir.resolve("pseudonym.keys");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, "current=1\nkey.1=" + Base64.getEncoder().encodeToString(key) + "\n");
        lakeDir = dir.resolve("lake");
        delivery = Files.createDirectories(dir.resolve("delivery"));
        for (String name : List.of("IR_BEN_R.csv", "IR_BEN_R.schema.json", "IR_IBA_R.csv", "IR_IBA_R.schema.json")) {
            try (InputStream in = getClass().getResourceAsStream("/ingest/snds/" + name)) {
                Files.copy(in, delivery.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Point.class, names = { "MID_PARSE", "MID_WRITE", "MID_PUBLISH" })
    void a_delivery_killed_before_publication_leaves_no_version_and_resumes_into_exactly_one(Point point)
            throws Exception {
        killAt(point);

        DatasetLake lake = new DatasetLake(lakeDir);
        assertThat(lake.versions(CrashingDelivery.DATASET)).as("nothing visible after a kill at " + point).isEmpty();
        assertThat(lake.stagingLeftovers(CrashingDelivery.DATASET)).as("the kill left its staging area").hasSize(1);
        if (point != Point.MID_PARSE) {
            Path written = lake.stagingLeftovers(CrashingDelivery.DATASET).get(0).resolve("publish/tables");
            try (Stream<Path> files = Files.list(written)) {
                assertThat(files).as("Parquet written before the kill").isNotEmpty();
            }
        }

        DeliveryReport resumed = resume();
        assertThat(resumed.outcome()).isEqualTo(DeliveryReport.Outcome.PUBLISHED);
        assertOneCompleteVersion(lake, resumed);
    }

    @Test
    void a_delivery_killed_after_publication_resumes_as_the_same_version() throws Exception {
        killAt(Point.AFTER_PUBLISH);
        DatasetLake lake = new DatasetLake(lakeDir);
        assertThat(lake.versions(CrashingDelivery.DATASET)).containsExactly("v000001");

        DeliveryReport resumed = resume();
        // the server records the delivery ACCEPTED: no other delivery published this version (DeliveryTransitions)
        assertThat(resumed.outcome()).isEqualTo(DeliveryReport.Outcome.DUPLICATE);
        assertOneCompleteVersion(lake, resumed);
    }

    @Test
    void an_upload_killed_mid_chunk_keeps_a_prefix_and_resumes_from_its_length() throws Exception {
        Path source = delivery.resolve("IR_BEN_R.csv");
        Path upload = Files.createFile(dir.resolve("upload"));
        killAt(Point.MID_UPLOAD, source.toString(), upload.toString());

        long offset = Files.size(upload);
        byte[] original = Files.readAllBytes(source);
        assertThat(offset).isPositive().isLessThan(original.length);
        byte[] received = Files.readAllBytes(upload);
        assertThat(received).isEqualTo(java.util.Arrays.copyOf(original, (int) offset));

        try (InputStream rest = new java.io.ByteArrayInputStream(original, (int) offset,
                original.length - (int) offset)) {
            assertThat(ChunkWriter.append(upload, offset, original.length - offset, rest).offset())
                    .isEqualTo(original.length);
        }
        assertThat(Files.readAllBytes(upload)).isEqualTo(original);
        Files.copy(upload, source, StandardCopyOption.REPLACE_EXISTING);
        assertOneCompleteVersion(new DatasetLake(lakeDir), resume());
    }

    private void killAt(Point point, String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingDelivery.class.getName(), point.name(), keyFile.toString(), lakeDir.toString(),
                delivery.toString()));
        command.addAll(List.of(extra));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("AT "));
            assertThat(line).as("the forked delivery reached " + point).isEqualTo("AT " + point);
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    }

    private DeliveryReport resume() {
        DataPlaneRun run = new DataPlaneRun(lakeDir, new Pseudonymiser(PseudonymKeyStore.fromFile(keyFile)),
                new DeliveryOptions("256MB", 1));
        return run.run(CrashingDelivery.DATASET, CrashingDelivery.HOLDER, DeliveryFormat.CSV_TABLE_SCHEMA, delivery,
                CrashingDelivery.IDENTIFIERS, ',', DeliveryObserver.NONE);
    }

    private void assertOneCompleteVersion(DatasetLake lake, DeliveryReport report) throws Exception {
        assertThat(lake.versions(CrashingDelivery.DATASET)).containsExactly("v000001");
        assertThat(report.version()).isEqualTo("v000001");
        assertThat(lake.stagingLeftovers(CrashingDelivery.DATASET)).isEmpty();
        Path version = lake.versionDir(CrashingDelivery.DATASET, "v000001");
        for (TableReport t : report.tables()) {
            long source = DeliveriesIntegrationTest.records(delivery.resolve(t.table() + ".csv"));
            assertThat(t.recordsRead()).as(t.table()).isEqualTo(source);
            assertThat(DeliveriesIntegrationTest.count(version.resolve("tables/" + t.table() + ".parquet")))
                    .isEqualTo(t.recordsAccepted());
            assertThat(DeliveriesIntegrationTest.count(version.resolve("quarantine/" + t.table() + ".parquet")))
                    .isEqualTo(t.recordsRejected());
        }
        assertThat(report.table("IR_BEN_R").orElseThrow().recordsAccepted()).isEqualTo(10);
        assertThat(report.table("IR_IBA_R").orElseThrow().recordsAccepted()).isEqualTo(5);
    }
}
