package eu.guichet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.cli.GuichetCli;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/** The command line's {@code deliver} against the running server: resumable uploads, delivery, report. */
@GuichetIntegrationTest
class DeliverCommandTest {

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void deliver_uploads_the_files_in_chunks_and_prints_the_report() throws IOException {
        String dataset = dataset();
        StringWriter out = new StringWriter();
        int code = GuichetCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                command(dataset, "--wait"));

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains(" ACCEPTED v000001").contains("IR_IBA_R: 10 read, 5 accepted, 5 rejected")
                .contains("duplicate_primary_key on BEN_IDT_ANO: 5");
    }

    @Test
    void a_second_run_after_a_failed_one_reuses_the_completed_uploads() throws IOException {
        Api api = new Api(port);
        String notOurs = DeliveriesIntegrationTest.anotherHoldersPublishedDataset(jdbc);
        StringWriter err = new StringWriter();
        assertThat(GuichetCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                command(notOurs))).isEqualTo(1);
        assertThat(err.toString()).contains("ingest.not_dataset_holder");
        List<String> uploads = Files.readAllLines(dir.resolve("state")).stream()
                .map(l -> l.substring(l.lastIndexOf('\t') + 1)).toList();
        assertThat(uploads).hasSize(4);

        assertThat(GuichetCli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                command(dataset()))).isZero();
        for (String upload : uploads) {
            assertThat(api.get("/api/deliveries/uploads/" + upload, "holder").json().get("status").asString())
                    .isEqualTo("DELIVERED");
        }
        assertThat(Files.readAllLines(dir.resolve("state"))).isEmpty();
    }

    private String[] command(String dataset, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("deliver", "--server", "http://localhost:" + port, "--user",
                "holder", "--password", Api.DEMO_PASSWORD, "--dataset", dataset, "--format", "CSV_TABLE_SCHEMA",
                "--identifier", "BEN_NIR_PSA=NATIONAL_ID", "--identifier", "BEN_IDT_ANO=NATIONAL_ID", "--chunk-mib",
                "1", "--state", dir.resolve("state").toString()));
        args.addAll(List.of(more));
        for (String name : List.of("IR_BEN_R.csv", "IR_BEN_R.schema.json", "IR_IBA_R.csv", "IR_IBA_R.schema.json")) {
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                try (InputStream in = getClass().getResourceAsStream("/ingest/snds/" + name)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            args.add(target.toString());
        }
        return args.toArray(String[]::new);
    }

    private String dataset() {
        var created = new Api(port).post("/api/catalogue/datasets", "holder",
                "{\"identifier\": \"CLI-" + java.util.UUID.randomUUID() + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
