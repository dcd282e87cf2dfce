package eu.guichet.transparency.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.PermitId;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.problem.FormErrors;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.CurrentUsers;
import eu.guichet.security.Role;
import eu.guichet.transparency.EnforcementMeasureKind;
import eu.guichet.transparency.NewEnforcementMeasure;
import eu.guichet.transparency.NewResultPublication;
import eu.guichet.transparency.RegisterPermit;
import eu.guichet.transparency.TransparencyRegister;

/**
 * The register's forms: a permit member declares a published result (Art. 61); an HDAB administrator records an
 * enforcement measure (Art. 59, 63), on the public page that lists them. A refused form is shown again with its
 * errors (422).
 */
@Controller
class RegisterFormsController {

    private final TransparencyRegister register;
    private final IdentityManagement identity;
    private final MessageSource messages;

    RegisterFormsController(TransparencyRegister register, IdentityManagement identity, MessageSource messages) {
        this.register = register;
        this.identity = identity;
        this.messages = messages;
    }

    /** The result form as submitted. */
    record ResultForm(String title, String reference, String publishedOn) {
        static ResultForm empty() {
            return new ResultForm("", "", "");
        }
    }

    /** The enforcement measure form as submitted. */
    record MeasureForm(UUID organisationId, String permitId, EnforcementMeasureKind kind, String description,
            String decidedOn) {
        static MeasureForm empty() {
            return new MeasureForm(null, "", null, "", "");
        }
    }

    @GetMapping("/register/permits/{permitId}/results")
    @AllowAuthenticated
    String results(@PathVariable UUID permitId, CurrentUser caller, Model model) {
        RegisterPermit permit = register.getPermit(new PermitId(permitId));
        register.checkCanDeclareResult(caller, permit.id());
        return showResults(model, permit, ResultForm.empty(), FormErrors.none());
    }

    @PostMapping("/register/permits/{permitId}/results")
    @AllowAuthenticated
    String declareResult(@PathVariable UUID permitId, @ModelAttribute ResultForm form, CurrentUser caller,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        PermitId id = new PermitId(permitId);
        RegisterPermit permit = register.getPermit(id);
        register.checkCanDeclareResult(caller, id);
        try {
            register.declareResult(id, new NewResultPublication(required(form.title(), "title"),
                    required(form.reference(), "reference"), date(form.publishedOn(), "publishedOn")), caller);
            redirect.addFlashAttribute("declared", true);
            return "redirect:/register/" + permit.applicationId();
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showResults(model, permit, form, errors(e, locale));
        }
    }

    @GetMapping("/register/enforcement-measures")
    @AllowAnonymous
    String measures(Model model) {
        return showMeasures(model, MeasureForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/register/enforcement-measures")
    @AllowRoles(Role.HDAB_ADMIN)
    String recordMeasure(@ModelAttribute MeasureForm form, CurrentUser caller, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        try {
            UUID permit = form.permitId() == null || form.permitId().isBlank() ? null
                    : parse(() -> UUID.fromString(form.permitId().strip()), "permitId");
            register.recordEnforcementMeasure(new NewEnforcementMeasure(requiredValue(form.organisationId(),
                    "organisationId"), permit, requiredValue(form.kind(), "kind"), required(form.description(),
                            "description"), date(form.decidedOn(), "decidedOn")), caller);
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/register/enforcement-measures";
        } catch (ValidationException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showMeasures(model, form, errors(e, locale), null);
        } catch (GuichetException e) {
            response.setStatus(e.status().value());
            return showMeasures(model, form, FormErrors.none(), e.code());
        }
    }

    private String showResults(Model model, RegisterPermit permit, ResultForm form, FormErrors errors) {
        model.addAttribute("permit", permit);
        model.addAttribute("entry", register.getEntry(permit.applicationId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "register/results";
    }

    private String showMeasures(Model model, MeasureForm form, FormErrors errors, String refused) {
        boolean admin = CurrentUsers.find().map(register::canRecordEnforcementMeasure).orElse(false);
        model.addAttribute("measures", register.enforcementMeasures(Optional.empty()));
        model.addAttribute("canRecord", admin);
        if (admin) {
            model.addAttribute("organisations", identity.listOrganisations());
            model.addAttribute("kinds", EnforcementMeasureKind.values());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refused", refused);
        return "register/measures";
    }

    /** A validation refusal as form errors: the field's message is the code's text in the reader's language. */
    private FormErrors errors(ValidationException e, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        String text = messages.getMessage("problem." + e.code(), null, e.getMessage(), locale);
        e.errors().forEach(f -> byField.putIfAbsent(f.field(), text));
        return new FormErrors(byField);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw missing(field);
        }
        return value;
    }

    private static <T> T requiredValue(T value, String field) {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    private static LocalDate date(String value, String field) {
        return parse(() -> LocalDate.parse(required(value, field).strip()), field);
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String field) {
        try {
            return parser.get();
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ValidationException("transparency.field_invalid", "Invalid value.",
                    java.util.List.of(new ValidationException.FieldError(field, "invalid")));
        }
    }

    private static ValidationException missing(String field) {
        return new ValidationException("transparency.field_required", "This field is required.",
                java.util.List.of(new ValidationException.FieldError(field, "required")));
    }
}
