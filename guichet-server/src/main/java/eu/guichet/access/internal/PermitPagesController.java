package eu.guichet.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.Amendment;
import eu.guichet.access.ApplicationManagement;
import eu.guichet.access.Permit;
import eu.guichet.access.PermitAmendmentRequests;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * Permits: the caller's (every permit for HDAB staff) and one permit with every element of EHDS Art. 68(10), its
 * validity and its archived versions; the applicant or principal investigator asks for the extension, a decider grants
 * it or revokes the permit, on {@link PermitManagement} which checks who may.
 */
@Controller
class PermitPagesController {

    private final PageRefusals refusals;
    private final PermitManagement permits;
    private final ApplicationManagement applications;
    private final Clock clock;
    private final PermitAmendmentRequests amendmentRequests;

    PermitPagesController(PermitManagement permits, ApplicationManagement applications, Clock clock,
            PageRefusals refusals, PermitAmendmentRequests amendmentRequests) {
        this.amendmentRequests = amendmentRequests;
        this.refusals = refusals;
        this.permits = permits;
        this.applications = applications;
        this.clock = clock;
    }

    @GetMapping("/permits")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    String list(Model model, CurrentUser caller) {
        model.addAttribute("permits", permits.listPermits(caller));
        model.addAttribute("zone", clock.getZone());
        return "access/permits";
    }

    @GetMapping("/permits/{id}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    String permit(@PathVariable UUID id, Model model, CurrentUser caller) {
        PermitId permitId = new PermitId(id);
        Permit p = permits.getPermit(permitId, caller);
        var application = applications.getApplication(p.applicationId(), caller);
        boolean holder = application.isOwnedBy(caller.id()) || p.terms().members().stream()
                .anyMatch(m -> m.principalInvestigator() && m.userId().equals(caller.id()));
        boolean decider = caller.hasRole(Role.HDAB_DECIDER);
        model.addAttribute("permit", p);
        model.addAttribute("app", application);
        model.addAttribute("versions", permits.versions(permitId, caller));
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("active", p.isActive(clock.instant()));
        model.addAttribute("canAskExtension", holder && caller.hasRole(Role.APPLICANT) && p.status().isActive()
                && !p.extended() && p.extensionRequested().isEmpty());
        model.addAttribute("canGrantExtension", decider && p.status().isActive() && !p.extended()
                && p.extensionRequested().isPresent());
        model.addAttribute("canRevoke", decider && p.status().isActive());
        model.addAttribute("canAmend", decider && p.status().isActive());
        model.addAttribute("canAskAmendment", holder && caller.hasRole(Role.APPLICANT) && p.status().isActive());
        return "access/permit";
    }

    /** The applicant or principal investigator asks for an amendment: a message the deciders are told of. */
    @PostMapping("/permits/{id}/amendment-request")
    @AllowRoles(Role.APPLICANT)
    String askAmendment(@PathVariable UUID id, @RequestParam(required = false) String request, CurrentUser caller,
            HttpServletRequest http, RedirectAttributes redirect) {
        try {
            amendmentRequests.request(new PermitId(id), request, caller);
            redirect.addFlashAttribute("moved", "amendment_requested");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, http));
        }
        return "redirect:/permits/" + id;
    }

    /** A decider amends the permit's specific conditions, with reasons (a new version). */
    @PostMapping("/permits/{id}/amendments")
    @AllowRoles(Role.HDAB_DECIDER)
    String amend(@PathVariable UUID id, @RequestParam(required = false) String conditions,
            @RequestParam(required = false) String reason, CurrentUser caller, HttpServletRequest http,
            RedirectAttributes redirect) {
        try {
            permits.amend(new PermitId(id), new Amendment(List.of(), List.of(),
                    conditions == null || conditions.isBlank() ? null : conditions), reason, caller);
            redirect.addFlashAttribute("moved", "amended");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, http));
        }
        return "redirect:/permits/" + id;
    }

    /** The holder asks for the extension (at least a month before expiry); a decider grants it with reasons. */
    @PostMapping("/permits/{id}/extension")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_DECIDER })
    String extend(@PathVariable UUID id, @RequestParam(defaultValue = "0") int months,
            @RequestParam(required = false) String reason, CurrentUser caller,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            Permit p = permits.extend(new PermitId(id), months, reason, caller);
            redirect.addFlashAttribute("moved", p.extended() ? "extended" : "extension_requested");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/permits/" + id;
    }

    @PostMapping("/permits/{id}/revocation")
    @AllowRoles(Role.HDAB_DECIDER)
    String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, CurrentUser caller,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            permits.revoke(new PermitId(id), reason, caller);
            redirect.addFlashAttribute("moved", "revoked");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/permits/" + id;
    }
}
