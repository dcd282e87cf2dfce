package eu.guichet.dataplane.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code evidence.json}: the evidence as plain JSON (instants as ISO-8601 text, an absent k as null). */
final class EvidenceJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvidenceJson() {
    }

    static void write(ExtractEvidence e, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("extractId", e.extractId()).put("builtAt", e.builtAt().toString())
                .put("optedOutInSnapshot", e.optedOutInSnapshot()).put("personsExcluded", e.personsExcluded())
                .put("personsSuppressed", e.personsSuppressed()).put("personsIncluded", e.personsIncluded())
                .put("keyVersion", e.keyVersion()).put("personsOutsidePopulation", e.personsOutsidePopulation());
        if (e.kAchieved().isPresent()) {
            root.put("kAchieved", e.kAchieved().getAsInt());
        } else {
            root.putNull("kAchieved");
        }
        ArrayNode tables = root.putArray("tables");
        e.tables().forEach(t -> tables.addObject().put("table", t.table()).put("rows", t.rows()));
        ArrayNode files = root.putArray("files");
        e.files().forEach(f -> files.addObject().put("path", f.path()).put("bytes", f.bytes()).put("sha256", f.sha256()));
        ArrayNode optOuts = root.putArray("optOuts");
        e.optOuts().forEach(o -> optOuts.addObject().put("group", o.group()).put("inSnapshot", o.inSnapshot())
                .put("excluded", o.excluded()));
        JSON.writeValue(file.toFile(), root);
    }

    static ExtractEvidence read(Path file) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        List<ExtractEvidence.TableCount> tables = new ArrayList<>();
        n.get("tables").forEach(t -> tables.add(new ExtractEvidence.TableCount(t.get("table").asText(),
                t.get("rows").asLong())));
        List<ExtractEvidence.FileHash> files = new ArrayList<>();
        n.get("files").forEach(f -> files.add(new ExtractEvidence.FileHash(f.get("path").asText(),
                f.get("bytes").asLong(), f.get("sha256").asText())));
        List<ExtractEvidence.OptOutsApplied> optOuts = new ArrayList<>();
        if (n.has("optOuts")) {
            n.get("optOuts").forEach(o -> optOuts.add(new ExtractEvidence.OptOutsApplied(o.get("group").asText(),
                    o.get("inSnapshot").asLong(), o.get("excluded").asLong())));
        }
        return new ExtractEvidence(n.get("extractId").asText(), Instant.parse(n.get("builtAt").asText()),
                n.get("optedOutInSnapshot").asLong(), n.get("personsExcluded").asLong(),
                n.get("personsSuppressed").asLong(), n.get("personsIncluded").asLong(),
                n.get("kAchieved").isNull() ? OptionalInt.empty() : OptionalInt.of(n.get("kAchieved").asInt()),
                tables, files, optOuts, n.path("keyVersion").asInt(0), n.path("personsOutsidePopulation").asLong(0));
    }
}
