package eu.guichet.extract.internal;

import java.time.Instant;
import java.util.Map;

import eu.guichet.access.PermitScope;
import eu.guichet.dataplane.extract.ExtractEvidence;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The evidence of a permit version's extract as {@code GET /api/permits/{id}/extract} shows it
 * (docs/reference/extract-evidence.md): the scope as mapped onto the lake, the opt-out snapshots, the persons excluded
 * and suppressed, the k achieved, rows per table and every file's SHA-256. Names, instants, counts and hashes only.
 */
final class EvidenceDocument {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private EvidenceDocument() {
    }

    /** The scope part, also written alone when the build is refused. */
    static ObjectNode scope(PermitScope scope, ScopeMapping.Mapped mapped) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode s = root.putObject("scope");
        s.put("form", scope.form().name());
        if (scope.anonymisation().isPresent()) {
            s.put("minimumK", scope.anonymisation().get().minimumK());
        } else {
            s.putNull("minimumK");
        }
        s.put("periodFrom", scope.period().from().map(Object::toString).orElse(null));
        s.put("periodTo", scope.period().to().map(Object::toString).orElse(null));
        s.put("population", scope.population().equals(PermitScope.Population.EVERYONE) ? "EVERYONE"
                : mapped.spec().flatMap(x -> x.population()).map(p -> "FILTERED").orElse("NOT_EXECUTABLE"));
        ArrayNode tables = s.putArray("tables");
        for (ScopeMapping.MappedTable t : mapped.tables()) {
            ObjectNode n = tables.addObject().put("table", t.table()).put("dataset", t.dataset())
                    .put("lakeVersion", t.lakeVersion()).put("lakeTable", t.lakeTable()).put("person", t.person())
                    .put("dateColumn", t.dateColumn().orElse(null))
                    .put("optOutReference", t.optOutReference().toString());
            ArrayNode columns = n.putArray("columns");
            t.columns().forEach(columns::add);
            ArrayNode rekeyed = n.putArray("rekeyedColumns");
            t.recordIds().forEach(rekeyed::add);
        }
        ArrayNode notFound = s.putArray("variablesNotFound");
        mapped.variablesNotFound().forEach(notFound::add);
        ArrayNode withheld = s.putArray("columnsWithheld");
        mapped.withheld().forEach(withheld::add);
        ObjectNode optOuts = root.putObject("optOuts");
        optOuts.put("art71Exception", scope.optOutException().isPresent());
        optOuts.putArray("snapshots");
        return root;
    }

    /** The whole evidence of a built extract. */
    static String built(PermitScope scope, ScopeMapping.Mapped mapped, ExtractEvidence e, Map<String, Instant> groups) {
        ObjectNode root = scope(scope, mapped);
        root.put("extractId", e.extractId()).put("builtAt", e.builtAt().toString()).put("keyVersion", e.keyVersion());
        ObjectNode optOuts = (ObjectNode) root.get("optOuts");
        ArrayNode snapshots = (ArrayNode) optOuts.get("snapshots");
        for (ExtractEvidence.OptOutsApplied o : e.optOuts()) {
            snapshots.addObject().put("referenceInstant", groups.get(o.group()).toString())
                    .put("personsInSnapshot", o.inSnapshot()).put("personsExcluded", o.excluded());
        }
        optOuts.put("personsExcluded", e.personsExcluded());
        root.put("personsIncluded", e.personsIncluded()).put("personsSuppressed", e.personsSuppressed())
                .put("personsOutsidePopulation", e.personsOutsidePopulation());
        if (e.kAchieved().isPresent()) {
            root.put("kAchieved", e.kAchieved().getAsInt());
        } else {
            root.putNull("kAchieved");
        }
        ArrayNode rows = root.putArray("rows");
        e.tables().forEach(t -> rows.addObject().put("table", t.table()).put("rows", t.rows()));
        ArrayNode files = root.putArray("files");
        e.files().forEach(f -> files.addObject().put("path", f.path()).put("bytes", f.bytes()).put("sha256",
                f.sha256()));
        return JSON.writeValueAsString(root);
    }

    static String refused(PermitScope scope, ScopeMapping.Mapped mapped) {
        return JSON.writeValueAsString(scope(scope, mapped));
    }
}
