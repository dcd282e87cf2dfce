package eu.guichet.extract.internal;

import static eu.guichet.security.Role.APPLICANT;
import static eu.guichet.security.Role.AUDITOR;
import static eu.guichet.security.Role.HDAB_ADMIN;
import static eu.guichet.security.Role.HDAB_DECIDER;
import static eu.guichet.security.Role.HDAB_REVIEWER;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.access.PermitId;
import eu.guichet.extract.ExtractState;
import eu.guichet.extract.Extracts;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import tools.jackson.databind.node.ObjectNode;

/** REST API of a permit's extract: its status, progress and evidence; the retry of a failed build. */
@RestController
class ExtractApiController {

    private final Extracts extracts;

    ExtractApiController(Extracts extracts) {
        this.extracts = extracts;
    }

    @GetMapping("/api/permits/{id}/extract")
    @AllowRoles({ APPLICANT, HDAB_REVIEWER, HDAB_DECIDER, HDAB_ADMIN, AUDITOR })
    ObjectNode get(@PathVariable UUID id, CurrentUser caller) {
        PermitId permit = new PermitId(id);
        return extracts.get(permit, caller).map(ExtractApiController::view).orElseGet(() -> notRecorded(permit));
    }

    /** A permit whose grant or amendment the extract module has not handled yet. */
    static ObjectNode notRecorded(PermitId permit) {
        ObjectNode root = EvidenceDocument.JSON.createObjectNode();
        root.put("permitId", permit.toString()).put("status", "NOT_RECORDED");
        return root;
    }

    @PostMapping("/api/permits/{id}/extract/retry")
    @AllowRoles({ HDAB_REVIEWER, HDAB_DECIDER, HDAB_ADMIN })
    ObjectNode retry(@PathVariable UUID id, CurrentUser caller) {
        return view(extracts.retry(new PermitId(id), caller));
    }

    /** The state with its evidence's fields (docs/reference/extract-evidence.md). */
    static ObjectNode view(ExtractState s) {
        ObjectNode root = EvidenceDocument.JSON.createObjectNode();
        root.put("permitId", s.permitId().toString()).put("version", s.version()).put("extractId", s.extractId())
                .put("status", s.status().name()).put("reason", s.reason().orElse(null))
                .put("requestedAt", s.requestedAt().toString())
                .put("builtAt", s.builtAt().map(Object::toString).orElse(null));
        root.putObject("progress").put("step", s.step().orElse(null)).put("tablesWritten", s.tablesWritten())
                .put("tablesTotal", s.tablesTotal());
        s.evidence().ifPresent(e -> root.setAll((ObjectNode) EvidenceDocument.JSON.readTree(e)));
        return root;
    }
}
