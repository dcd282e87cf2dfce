package eu.guichet.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewAccount;
import eu.guichet.identity.NewOrganisation;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.identity.SignInMethods;
import eu.guichet.problem.FormErrors;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/**
 * The HDAB administrator's page of organisations and accounts, with the forms that create them. The forms call
 * {@link IdentityManagement}, which enforces the rules and audits; a refused form is shown again with its errors.
 */
@Controller
@AllowRoles(Role.HDAB_ADMIN)
class IdentityPagesController {

    private static final String PAGE = "identity/users";
    private static final String REDIRECT = "redirect:/admin/users";

    private final IdentityManagement identity;
    private final SignInMethods signIn;
    private final Validator validator;
    private final MessageSource messages;

    IdentityPagesController(IdentityManagement identity, SignInMethods signIn, Validator validator,
            MessageSource messages) {
        this.identity = identity;
        this.signIn = signIn;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        return show(model, OrganisationForm.empty(), FormErrors.none(), AccountForm.empty(), FormErrors.none(), null);
    }

    @PostMapping("/admin/organisations")
    String createOrganisation(@ModelAttribute("organisationForm") OrganisationForm form, BindingResult binding,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        NewOrganisation request = form.toRequest();
        FormErrors errors = FormErrors.of(binding, validator.validate(request), messages, locale);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, form, errors, AccountForm.empty(), FormErrors.none(), null);
        }
        try {
            Organisation created = identity.createOrganisation(request);
            redirect.addFlashAttribute("created", messages.getMessage("admin.organisation.created",
                    new Object[] { created.name() }, locale));
            return REDIRECT;
        } catch (GuichetException e) {
            response.setStatus(e.status().value());
            return show(model, form, FormErrors.none(), AccountForm.empty(), FormErrors.none(),
                    new Refused("organisation", e.code()));
        }
    }

    @PostMapping("/admin/users")
    String createAccount(@ModelAttribute("accountForm") AccountForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        NewAccount request = form.toRequest();
        FormErrors errors = FormErrors.of(binding, validator.validate(request), messages, locale);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show(model, OrganisationForm.empty(), FormErrors.none(), form.withoutPassword(), errors, null);
        }
        try {
            var created = identity.createLocalAccount(request);
            redirect.addFlashAttribute("created", messages.getMessage("admin.account.created",
                    new Object[] { created.username() }, locale));
            return REDIRECT;
        } catch (GuichetException e) {
            response.setStatus(e.status().value());
            return show(model, OrganisationForm.empty(), FormErrors.none(), form.withoutPassword(), FormErrors.none(),
                    new Refused("account", e.code()));
        }
    }

    private String show(Model model, OrganisationForm organisationForm, FormErrors organisationErrors,
            AccountForm accountForm, FormErrors accountErrors, Refused refused) {
        List<Organisation> organisations = identity.listOrganisations();
        Map<OrganisationId, String> names = organisations.stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name));
        model.addAttribute("organisations", organisations);
        model.addAttribute("users", identity.listUsers(Optional.empty()).stream()
                .map(u -> new UserRow(u.id(), u.username(), u.displayName(),
                        u.organisationId().map(names::get).orElse(null),
                        u.roles().stream().sorted().toList()))
                .sorted(Comparator.comparing(UserRow::username))
                .toList());
        model.addAttribute("organisationTypes", OrganisationType.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("localAccounts", signIn.localAccounts());
        model.addAttribute("organisationForm", organisationForm);
        model.addAttribute("organisationErrors", organisationErrors);
        model.addAttribute("accountForm", accountForm);
        model.addAttribute("accountErrors", accountErrors);
        model.addAttribute("refused", refused);
        return PAGE;
    }

    /** A form that {@link IdentityManagement} refused ({@code form}: organisation or account), with the stable code. */
    public record Refused(String form, String code) {
    }

    /** One account in the table; {@code organisation} is the organisation's name, null for none. */
    public record UserRow(UserId id, String username, String displayName, String organisation, List<Role> roles) {
    }

    /** The organisation form as submitted (all fields optional here; the rules are on {@link NewOrganisation}). */
    public record OrganisationForm(String name, OrganisationType type, String identifier, String country,
            Boolean publicHealthMandate) {

        static OrganisationForm empty() {
            return new OrganisationForm("", null, "", "FR", false);
        }

        NewOrganisation toRequest() {
            return new NewOrganisation(strip(name), type, strip(identifier),
                    strip(country) == null ? null : strip(country).toUpperCase(Locale.ROOT),
                    Boolean.TRUE.equals(publicHealthMandate));
        }
    }

    /** The account form as submitted; the password is never shown again. */
    public record AccountForm(String username, String displayName, String email, UUID organisationId,
            Set<Role> roles, String password) {

        static AccountForm empty() {
            return new AccountForm("", "", "", null, Set.of(), null);
        }

        public boolean hasRole(Role role) {
            return roles != null && roles.contains(role);
        }

        AccountForm withoutPassword() {
            return new AccountForm(username, displayName, email, organisationId, roles, null);
        }

        NewAccount toRequest() {
            return new NewAccount(strip(username), strip(displayName), strip(email), organisationId,
                    roles == null ? null : Set.copyOf(roles), password);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
