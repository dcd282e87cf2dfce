package eu.guichet.access.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationFees;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationManagement;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.DataForm;
import eu.guichet.access.PermitScope;
import eu.guichet.access.Purpose;
import eu.guichet.access.Screening;
import eu.guichet.access.ScreeningFinding;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The step-by-step application form (DSFR stepper): 1 the project, 2 the team, 3 the data, 4 safeguards and law,
 * 5 review and submit; a data request skips the team. Each step saves on its own, naming the revision the page was
 * loaded with: when someone saved in between, the page comes back with the refusal and the values as posted (the
 * hidden revision is then the current one, so saving again keeps them). Only drafts and incomplete applications are
 * editable.
 */
@Controller
@AllowRoles(Role.APPLICANT)
class ApplicationFormPagesController {

    static final List<Integer> DATA_ACCESS_STEPS = List.of(1, 2, 3, 4, 5);
    static final List<Integer> DATA_REQUEST_STEPS = List.of(1, 3, 4, 5);

    private final ApplicationManagement applications;
    private final ApplicationFees fees;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final PageRefusals refusals;

    ApplicationFormPagesController(ApplicationManagement applications, ApplicationFees fees,
            IdentityManagement identity, MessageSource messages, PageRefusals refusals) {
        this.fees = fees;
        this.refusals = refusals;
        this.applications = applications;
        this.identity = identity;
        this.messages = messages;
    }

    @GetMapping("/applications/{id}/edit")
    String edit(@PathVariable UUID id, @RequestParam(defaultValue = "1") int step, Model model, CurrentUser caller,
            RedirectAttributes redirect) {
        Application a = applications.getApplication(new ApplicationId(id), caller);
        Optional<String> refusal = refusalToEdit(a, caller);
        if (refusal.isPresent()) {
            redirect.addFlashAttribute("refused", refusal.get());
            return "redirect:/applications/" + id;
        }
        return render(model, a, FormDraft.of(a.form()), known(a.kind(), step), a.revision(), Map.of(), null);
    }

    /**
     * Saves one step. {@code go}: {@code save} stays on the step, {@code next} and {@code previous} move.
     */
    @PostMapping("/applications/{id}/edit")
    String save(@PathVariable UUID id, @RequestParam(defaultValue = "1") int step,
            @RequestParam(defaultValue = "0") int revision, @RequestParam(defaultValue = "save") String go,
            @RequestParam MultiValueMap<String, String> params, Model model, CurrentUser caller,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        Application a = applications.getApplication(new ApplicationId(id), caller);
        int current = known(a.kind(), step);
        FormDraft draft = FormDraft.of(a.form()).readStep(current, params);
        Optional<ApplicationForm> form = draft.toForm();
        if (form.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, a, draft, current, revision, translate(draft.unreadable(), locale), null);
        }
        try {
            applications.update(a.id(), form.get(), revision, caller);
        } catch (GuichetException | AccessDenied e) {
            String code = refusals.codeOf(e, request);
            response.setStatus(e instanceof GuichetException g ? g.status().value() : HttpStatus.FORBIDDEN.value());
            Map<String, String> errors = new LinkedHashMap<>();
            if (e instanceof ValidationException v) {
                v.errors().forEach(f -> errors.putIfAbsent(f.field(), e.getMessage()));
            }
            Application now = applications.getApplication(a.id(), caller);
            return render(model, now, draft, current, now.revision(), errors, code);
        }
        redirect.addFlashAttribute("saved", true);
        int target = switch (go) {
            case "next" -> neighbour(a.kind(), current, 1);
            case "previous" -> neighbour(a.kind(), current, -1);
            default -> current;
        };
        return "redirect:/applications/" + id + "/edit?step=" + target;
    }

    private String render(Model model, Application a, FormDraft draft, int step, int revision,
            Map<String, String> fieldErrors, String refused) {
        List<Integer> steps = steps(a.kind());
        model.addAttribute("app", a);
        model.addAttribute("draft", draft);
        model.addAttribute("step", step);
        model.addAttribute("steps", steps);
        model.addAttribute("position", steps.indexOf(step) + 1);
        model.addAttribute("nextStep", steps.indexOf(step) + 1 < steps.size() ? steps.get(steps.indexOf(step) + 1)
                : null);
        model.addAttribute("revision", revision);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("refused", refused);
        model.addAttribute("dataRequest", a.kind() == ApplicationKind.DATA_REQUEST);
        List<ScreeningFinding> returned = a.status() == ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION
                ? a.findings() : List.of();
        model.addAttribute("returnedFindings", returned.stream().filter(f -> stepOf(f) == step).toList());
        model.addAttribute("otherFindings", returned.stream().filter(f -> stepOf(f) != step).count());
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("legalBases", ApplicationForm.LegalBasis.values());
        model.addAttribute("sexes", PermitScope.Sex.values());
        model.addAttribute("dataForms", DataForm.values());
        if (step == 5) {
            var type = identity.findOrganisation(a.organisation()).orElseThrow().type();
            model.addAttribute("form", a.form());
            model.addAttribute("preview", Screening.screen(a.kind(), a.form(), type));
            model.addAttribute("fees", fees.estimate(a));
        }
        return "access/application-form";
    }

    /** The step where the field a finding is about is written; the review step for the others. */
    static int stepOf(ScreeningFinding finding) {
        return switch (finding.field()) {
            case "title", "summary", "purposes", "applicantFunctions", "intendedUse", "expectedBenefit",
                    "requestedStatistics" -> 1;
            case "team" -> 2;
            case "datasets", "variables", "variableJustifications", "period", "dataFormat", "dataForm",
                    "dataFormJustification" -> 3;
            case "safeguards", "legalBasis", "legalBasisDescription", "processingMonths", "processingJustification",
                    "tools", "ethicsAssessment", "optOutExceptionJustification", "noProhibitedUse" -> 4;
            default -> 5;
        };
    }

    private static Optional<String> refusalToEdit(Application a, CurrentUser caller) {
        if (!a.isOwnedBy(caller.id())) {
            return Optional.of("access.not_applicant");
        }
        return ApplicationPageModel.isEditable(a.status()) ? Optional.empty() : Optional.of("access.not_editable");
    }

    static List<Integer> steps(ApplicationKind kind) {
        return kind == ApplicationKind.DATA_REQUEST ? DATA_REQUEST_STEPS : DATA_ACCESS_STEPS;
    }

    /** The step asked for if the kind has it, else the first. */
    private static int known(ApplicationKind kind, int step) {
        return steps(kind).contains(step) ? step : 1;
    }

    private static int neighbour(ApplicationKind kind, int step, int direction) {
        List<Integer> steps = steps(kind);
        int i = Math.max(0, Math.min(steps.size() - 1, steps.indexOf(step) + direction));
        return steps.get(i);
    }

    private Map<String, String> translate(Map<String, String> keys, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((field, key) -> out.put(field, messages.getMessage(key, null, locale)));
        return out;
    }
}
