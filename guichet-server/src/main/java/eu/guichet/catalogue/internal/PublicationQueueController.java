package eu.guichet.catalogue.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.catalogue.CatalogueHolders;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.Violation;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;

/** The HDAB's publication queue: submitted descriptions with their conformance, to publish or return. */
@Controller
@AllowRoles({ Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
class PublicationQueueController {

    private final CatalogueManagement catalogue;
    private final CatalogueHolders holders;

    PublicationQueueController(CatalogueManagement catalogue, CatalogueHolders holders) {
        this.catalogue = catalogue;
        this.holders = holders;
    }

    @GetMapping("/hdab/catalogue")
    String queue(Model model, CurrentUser caller) {
        List<Dataset> queue = catalogue.publicationQueue();
        Map<DatasetId, List<Violation>> violations = new LinkedHashMap<>();
        queue.forEach(d -> violations.put(d.id(),
                catalogue.validate(d.description()).stream().filter(Violation::blocking).toList()));
        model.addAttribute("queue", queue);
        model.addAttribute("unassigned", holders.withoutHolder());
        model.addAttribute("holders", holders.holders());
        model.addAttribute("canAssign", caller.hasRole(Role.HDAB_ADMIN));
        model.addAttribute("violations", violations);
        return "catalogue/queue";
    }

    @PostMapping("/hdab/catalogue/{id}/holder")
    @AllowRoles(Role.HDAB_ADMIN)
    String assignHolder(@PathVariable UUID id, @RequestParam UUID organisationId, CurrentUser caller,
            RedirectAttributes redirect) {
        try {
            Dataset d = holders.assignHolder(new DatasetId(id), new OrganisationId(organisationId), caller);
            redirect.addFlashAttribute("moved", "assign");
            redirect.addFlashAttribute("movedIdentifier", d.description().identifier());
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refused", e.code());
        }
        return "redirect:/hdab/catalogue";
    }

    @PostMapping("/hdab/catalogue/{id}/transitions")
    String transition(@PathVariable UUID id, @RequestParam String action,
            @RequestParam(required = false) String reason, CurrentUser caller, RedirectAttributes redirect) {
        try {
            Dataset d = catalogue.transition(new DatasetId(id), action, reason, caller);
            redirect.addFlashAttribute("moved", action);
            redirect.addFlashAttribute("movedIdentifier", d.description().identifier());
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refused", e.code());
        }
        return "redirect:/hdab/catalogue";
    }
}
