package eu.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code deliver}: uploads a holder's files through the resumable upload protocol and delivers them; with
 * {@code --wait}, follows the processing until the delivery is ACCEPTED, DUPLICATE, REJECTED or FAILED. Run it again
 * after an interruption: finished and partial uploads are resumed from the state file.
 */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = "Deliver files for one of your organisation's datasets (resumable uploads).")
final class DeliverCommand implements Callable<Integer> {

    private static final Set<String> TERMINAL = Set.of("ACCEPTED", "DUPLICATE", "REJECTED", "FAILED");

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions connection;

    @Option(names = "--dataset", required = true, description = "the dataset's id (UUID)")
    String dataset;

    @Option(names = "--format", required = true, description = "CSV_TABLE_SCHEMA, FHIR_NDJSON or FHIR_BUNDLE")
    String format;

    @Option(names = "--identifier", description = "a direct-identifier column and its treatment, COLUMN=TREATMENT "
            + "(NATIONAL_ID, HOLDER_PATIENT_ID, REMOVE, BIRTH_DATE_TO_YEAR); repeatable")
    List<String> identifiers = new ArrayList<>();

    @Option(names = "--delimiter", description = "CSV cell separator (default ,)")
    String delimiter;

    @Option(names = "--chunk-mib", defaultValue = "64", description = "chunk size in MiB (default ${DEFAULT-VALUE})")
    int chunkMib;

    @Option(names = "--state", defaultValue = ".guichet-uploads",
            description = "file remembering upload sessions, to resume after an interruption (default ${DEFAULT-VALUE})")
    Path stateFile;

    @Option(names = "--wait", description = "wait until the delivery is processed and print its report")
    boolean waitForProcessing;

    @Option(names = "--wait-minutes", defaultValue = "60", description = "how long --wait waits (default ${DEFAULT-VALUE})")
    long waitMinutes;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "the files: T.csv with T.schema.json, <Type>.ndjson, or FHIR bundles (*.json)")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ApiClient> client = connection.client(err);
        if (client.isEmpty()) {
            return 2;
        }
        ApiClient api = client.get();
        UploadState state = new UploadState(stateFile);
        ResumableUpload uploads = new ResumableUpload(api, state, chunkMib * 1024 * 1024, out);
        List<String> ids = new ArrayList<>();
        for (Path file : files) {
            ids.add(uploads.send(file));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("dataset", dataset);
        request.put("format", format);
        Map<String, String> treatments = new LinkedHashMap<>();
        for (String entry : identifiers) {
            String[] pair = entry.split("=", 2);
            if (pair.length != 2) {
                err.println("An identifier is written COLUMN=TREATMENT: " + entry);
                return 2;
            }
            treatments.put(pair[0].trim(), pair[1].trim());
        }
        request.put("identifiers", treatments);
        if (delimiter != null) {
            request.put("delimiter", delimiter);
        }
        request.put("uploads", ids);
        ApiClient.Response delivered = api.json("POST", "/api/deliveries", request);
        if (delivered.status() != 202) {
            err.println("Delivery refused: " + delivered.problem());
            return 1;
        }
        state.forget(files);
        String id = delivered.body().get("id").asText();
        out.println("Delivery " + id + " " + delivered.body().get("status").asText());
        if (!waitForProcessing) {
            return 0;
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(waitMinutes));
        ApiClient.Response current = api.get("/api/deliveries/" + id);
        long lastRead = -1;
        while (!TERMINAL.contains(current.body().get("status").asText()) && Instant.now().isBefore(deadline)) {
            long read = current.body().path("recordsRead").asLong();
            if (read != lastRead) {
                out.println("Processing: " + read + " records read");
                lastRead = read;
            }
            Thread.sleep(1000);
            current = api.get("/api/deliveries/" + id);
        }
        String status = current.body().get("status").asText();
        out.println("Delivery " + id + " " + status
                + current.body().path("datasetVersion").asText("").transform(v -> v.isEmpty() ? "" : " " + v));
        for (var table : current.body().path("tables")) {
            out.printf("  %s: %d read, %d accepted, %d rejected%n", table.get("table").asText(),
                    table.get("recordsRead").asLong(), table.get("recordsAccepted").asLong(),
                    table.get("recordsRejected").asLong());
            for (var reason : table.path("reasons")) {
                out.printf("    %s on %s: %d%n", reason.get("reason").asText(), reason.get("column").asText(),
                        reason.get("records").asLong());
            }
            var sample = table.path("profileSample");
            if (sample.isObject()) {
                out.printf("    profile validation (sample, advisory): %d sampled, %d with errors, %d with warnings%n",
                        sample.path("recordsSampled").asLong(), sample.path("recordsWithErrors").asLong(),
                        sample.path("recordsWithWarnings").asLong());
            }
        }
        return status.equals("ACCEPTED") || status.equals("DUPLICATE") ? 0 : 1;
    }
}
