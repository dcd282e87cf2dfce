package eu.guichet.access.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.HolderRequest;
import eu.guichet.access.HolderRequests;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * {@code /holder/requests}, the newest first: a data holder's consultations (answered with a cost estimate and the
 * feasibility) and data requests (with their delivery clock, extended once with reasons); HDAB reviewers and
 * administrators see every open request and record the receipt of the data. {@link HolderRequests} checks who may do
 * what.
 */
@Controller
class HolderRequestPagesController {

    /** One request as the page shows it: the application's title and the datasets' identifiers. */
    record Row(HolderRequest request, String title, List<String> datasets,
            Optional<ApplicationView.ClockView> clock) {
    }

    private final HolderRequests holderRequests;
    private final ApplicationRepository applications;
    private final CatalogueManagement catalogue;
    private final PageRefusals refusals;
    private final Clock clock;

    HolderRequestPagesController(HolderRequests holderRequests, ApplicationRepository applications,
            CatalogueManagement catalogue, PageRefusals refusals, Clock clock) {
        this.holderRequests = holderRequests;
        this.applications = applications;
        this.catalogue = catalogue;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/holder/requests")
    @AllowRoles({ Role.DATA_HOLDER, Role.HDAB_REVIEWER, Role.HDAB_ADMIN })
    String list(Model model, CurrentUser caller) {
        List<Row> rows = holderRequests.listRequests(caller).stream()
                .sorted(java.util.Comparator.comparing(HolderRequest::requestedAt).reversed()).map(this::row).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("holder", caller.hasRole(Role.DATA_HOLDER));
        model.addAttribute("staff", caller.hasRole(Role.HDAB_REVIEWER) || caller.hasRole(Role.HDAB_ADMIN));
        return "access/holder-requests";
    }

    @PostMapping("/holder/requests/{id}/answer")
    @AllowRoles(Role.DATA_HOLDER)
    String answer(@PathVariable UUID id, @RequestParam(required = false) String costEstimate,
            @RequestParam(required = false) String feasibility, CurrentUser caller, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(id, "holder_answered", request, redirect,
                () -> holderRequests.answer(id, euros(costEstimate), feasibility, caller));
    }

    @PostMapping("/holder/requests/{id}/extension")
    @AllowRoles(Role.DATA_HOLDER)
    String extend(@PathVariable UUID id, @RequestParam(required = false) String reason, CurrentUser caller,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, "holder_extended", request, redirect, () -> holderRequests.extend(id, reason, caller));
    }

    @PostMapping("/holder/requests/{id}/receipt")
    @AllowRoles({ Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
    String received(@PathVariable UUID id, CurrentUser caller, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(id, "holder_received", request, redirect, () -> holderRequests.markReceived(id, caller));
    }

    private String act(UUID id, String moved, HttpServletRequest request, RedirectAttributes redirect,
            Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("moved", moved);
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/holder/requests#request-" + id;
    }

    private Row row(HolderRequest r) {
        String title = applications.find(r.applicationId()).map(a -> a.form().title()).filter(t -> t != null)
                .orElse(r.applicationId().toString());
        List<String> datasets = r.datasets().stream().map(d -> catalogue.findPublished(d)
                .map(ds -> ds.description().identifier()).orElse(d.toString())).toList();
        return new Row(r, title, datasets, r.clock().map(c -> ApplicationView.ClockView.of(c, clock)));
    }

    /** Euros as typed (a comma for the decimals is accepted); null when not a number (the façade then refuses). */
    private static BigDecimal euros(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
