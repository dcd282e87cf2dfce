package eu.guichet.access.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationManagement;
import eu.guichet.access.PermitManagement;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The applicant's pages: my applications, a new one from the basket, an application's page (status, clock, findings,
 * fees, history, messages, decision, permit) and its moves — submit, withdraw, answer — on the same façade as the
 * API. Forms post, then redirect back with a success or refusal alert.
 * The form itself: {@link ApplicationFormPagesController}.
 */
@Controller
class ApplicationPagesController {

    private final PageRefusals refusals;
    private final ApplicationManagement applications;
    private final PermitManagement permits;
    private final ApplicationPageModel pages;

    ApplicationPagesController(ApplicationManagement applications, PermitManagement permits,
            ApplicationPageModel pages, PageRefusals refusals) {
        this.refusals = refusals;
        this.applications = applications;
        this.permits = permits;
        this.pages = pages;
    }

    @GetMapping("/applications")
    @AllowRoles(Role.APPLICANT)
    String mine(Model model, CurrentUser caller) {
        model.addAttribute("rows", applications.listOwnApplications(caller).stream().map(pages::row).toList());
        model.addAttribute("permitCount", permits.listPermits(caller).size());
        return "access/applications";
    }

    /** A new draft of the given kind, from the basket (the journey's start) or empty. */
    @PostMapping("/applications")
    @AllowRoles(Role.APPLICANT)
    String create(@RequestParam(defaultValue = "DATA_ACCESS") ApplicationKind kind,
            @RequestParam(defaultValue = "false") boolean fromBasket, CurrentUser caller, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            Application a = fromBasket ? applications.createFromBasket(kind, caller)
                    : applications.create(kind, ApplicationForm.startingWith(java.util.List.of()), caller);
            redirect.addFlashAttribute("created", true);
            return "redirect:/applications/" + a.id() + "/edit?step=1";
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
            return fromBasket ? "redirect:/basket" : "redirect:/applications";
        }
    }

    @GetMapping("/applications/{id}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    String application(@PathVariable UUID id, Model model, CurrentUser caller) {
        pages.fill(model, applications.getApplication(new ApplicationId(id), caller), caller);
        return "access/application";
    }

    /** The decision document as issued (its SHA-256 is on the application's page and in the audit trail). */
    @GetMapping("/applications/{id}/decision")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    ResponseEntity<String> decision(@PathVariable UUID id, CurrentUser caller) {
        String html = applications.decision(new ApplicationId(id), caller).orElseThrow(() -> new NotFoundException(
                "access.no_decision", "No decision on this application yet.")).document();
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
    }

    @PostMapping("/applications/{id}/submit")
    @AllowRoles(Role.APPLICANT)
    String submit(@PathVariable UUID id, CurrentUser caller, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            Application a = applications.submit(new ApplicationId(id), caller);
            redirect.addFlashAttribute("moved", "submit." + a.status());
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/applications/" + id;
    }

    /** Withdrawing is final: the form's confirmation box must be ticked. */
    @PostMapping("/applications/{id}/withdraw")
    @AllowRoles(Role.APPLICANT)
    String withdraw(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm,
            CurrentUser caller, HttpServletRequest request, RedirectAttributes redirect) {
        if (!confirm) {
            redirect.addFlashAttribute("refused", "access.withdrawal_not_confirmed");
            return "redirect:/applications/" + id;
        }
        try {
            applications.withdraw(new ApplicationId(id), caller);
            redirect.addFlashAttribute("moved", "withdraw");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/applications/" + id;
    }

    @PostMapping("/applications/{id}/answer")
    @AllowRoles(Role.APPLICANT)
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String answer, CurrentUser caller,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            applications.answer(new ApplicationId(id), answer, caller);
            redirect.addFlashAttribute("moved", "answer");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/applications/" + id;
    }

    /** A message from the applicant or the HDAB; each goes back to the page they wrote it from. */
    @PostMapping("/applications/{id}/messages")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER })
    String message(@PathVariable UUID id, @RequestParam(defaultValue = "") String body, CurrentUser caller,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            applications.sendMessage(new ApplicationId(id), body, caller);
            redirect.addFlashAttribute("moved", "message");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return caller.isHdabStaff() ? "redirect:/hdab/applications/" + id : "redirect:/applications/" + id;
    }
}
