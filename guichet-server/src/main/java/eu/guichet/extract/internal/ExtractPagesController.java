package eu.guichet.extract.internal;

import static eu.guichet.security.Role.APPLICANT;
import static eu.guichet.security.Role.AUDITOR;
import static eu.guichet.security.Role.HDAB_ADMIN;
import static eu.guichet.security.Role.HDAB_ANALYST;
import static eu.guichet.security.Role.HDAB_DECIDER;
import static eu.guichet.security.Role.HDAB_REVIEWER;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import eu.guichet.access.Analysis;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.StatisticalAnswers;
import eu.guichet.extract.Extracts;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The extract's evidence as an HTML fragment, loaded into the permit page (htmx): status and progress, the scope as
 * mapped, opt-outs, k, rows per table and files with their SHA-256.
 */
@Controller
class ExtractPagesController {

    /** Who reads a permit's extract; an HDAB analyst reads only the extracts of analyses. */
    private static final Set<Role> PERMIT_READERS = Set.of(APPLICANT, HDAB_REVIEWER, HDAB_DECIDER, HDAB_ADMIN, AUDITOR);

    private final PermitManagement permits;
    private final StatisticalAnswers answers;
    private final Extracts extracts;

    ExtractPagesController(PermitManagement permits, StatisticalAnswers answers, Extracts extracts) {
        this.permits = permits;
        this.answers = answers;
        this.extracts = extracts;
    }

    /**
     * A permit's extract, or the extract of an HDAB analysis preparing a statistical answer (its id is the analysis
     * id), which only HDAB staff see: the applicant receives the answer, never the extract.
     */
    @GetMapping("/permits/{id}/extract")
    @AllowRoles({ APPLICANT, HDAB_ANALYST, HDAB_REVIEWER, HDAB_DECIDER, HDAB_ADMIN, AUDITOR })
    String fragment(@PathVariable UUID id, Model model, CurrentUser caller) {
        PermitId permit = new PermitId(id);
        Optional<Analysis> analysis = caller.isHdabStaff() ? answers.analysisOf(permit) : Optional.empty();
        if (analysis.isEmpty()) {
            if (!caller.hasAnyRole(PERMIT_READERS)) {
                throw new AccessDenied("access.role_required", "Your roles do not allow this action.");
            }
            permits.getPermit(permit, caller);
        }
        model.addAttribute("permitId", permit);
        model.addAttribute("analysis", analysis.orElse(null));
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
