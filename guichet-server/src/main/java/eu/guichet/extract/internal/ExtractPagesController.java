package eu.guichet.extract.internal;

import static eu.guichet.security.Role.APPLICANT;
import static eu.guichet.security.Role.AUDITOR;
import static eu.guichet.security.Role.HDAB_ADMIN;
import static eu.guichet.security.Role.HDAB_DECIDER;
import static eu.guichet.security.Role.HDAB_REVIEWER;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.extract.Extracts;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;

/**
 * The extract's evidence as an HTML fragment, loaded into the permit page (htmx): status and progress, the scope as
 * mapped, opt-outs, k, rows per table and files with their SHA-256.
 */
@Controller
class ExtractPagesController {

    private final PermitManagement permits;
    private final Extracts extracts;

    ExtractPagesController(PermitManagement permits, Extracts extracts) {
        this.permits = permits;
        this.extracts = extracts;
    }

    @GetMapping("/permits/{id}/extract")
    @AllowRoles({ APPLICANT, HDAB_REVIEWER, HDAB_DECIDER, HDAB_ADMIN, AUDITOR })
    String fragment(@PathVariable UUID id, Model model, CurrentUser caller) {
        PermitId permit = new PermitId(id);
        permits.getPermit(permit, caller);
        model.addAttribute("permitId", permit);
        model.addAttribute("extract", extracts.find(permit).map(ExtractApiController::view).map(v -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = EvidenceDocument.JSON.convertValue(v, Map.class);
            // the page reads these whether or not the build got so far
            for (String key : List.of("scope", "optOuts", "personsIncluded", "personsSuppressed", "kAchieved",
                    "keyVersion", "rows", "files")) {
                m.putIfAbsent(key, null);
            }
            return m;
        }).orElse(null));
        return "extract/evidence :: evidence";
    }
}
