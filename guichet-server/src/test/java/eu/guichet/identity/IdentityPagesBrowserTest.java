package eu.guichet.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/** The administrator's page of organisations and accounts, driven through its forms in a real browser. */
@Tag("e2e")
@GuichetIntegrationTest
class IdentityPagesBrowserTest {

    private static final String PASSWORD = "a-long-enough-password";

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private Page admin;

    @Test
    void an_administrator_creates_an_organisation_and_an_account_who_can_then_sign_in() {
        String suffix = unique();
        String organisation = "Institut de recherche " + suffix;
        String username = "erin" + suffix;
        openAdministration();

        admin.locator("#org-name").fill(organisation);
        admin.locator("#org-type").selectOption("ACADEMIC");
        admin.locator("#org-identifier").fill("E2E-" + suffix);
        tick("org-mandate");
        submit(Texts.en("admin.organisation.create"));
        assertThat(admin).hasURL(base() + "/admin/users");
        assertThat(admin.locator("main [role=status]")).hasText(Texts.en("admin.organisation.created", organisation));
        Locator row = admin.locator("#organisations tbody tr").filter(new Locator.FilterOptions().setHasText(organisation));
        assertThat(row).containsText(Texts.en("orgtype.ACADEMIC"));
        assertThat(row).containsText(Texts.en("admin.yes"));

        admin.locator("#acc-username").fill(username);
        admin.locator("#acc-name").fill("Erin Example");
        admin.locator("#acc-email").fill(username + "@example.org");
        admin.locator("#acc-organisation").selectOption(new SelectOption().setLabel(organisation));
        tick("acc-role-APPLICANT");
        admin.locator("#acc-password").fill(PASSWORD);
        submit(Texts.en("admin.account.create"));
        assertThat(admin.locator("main [role=status]")).hasText(Texts.en("admin.account.created", username));
        Locator user = admin.locator("#users tbody tr").filter(new Locator.FilterOptions().setHasText(username));
        assertThat(user).containsText("Erin Example");
        assertThat(user).containsText(organisation);
        assertThat(user).containsText(Texts.en("role.APPLICANT"));

        Page erin = chromium.newPage("en-GB");
        try {
            SignIn.submit(erin, base(), username, PASSWORD);
            assertThat(erin.locator("main h1")).hasText(Texts.en("dashboard.greeting", "Erin Example"));
            assertThat(erin.locator("main")).containsText(organisation);
            assertThat(erin.locator("#header-navigation a")).hasText(new String[] { Texts.en("nav.home"),
                    Texts.en("nav.catalogue"), Texts.en("nav.register"), Texts.en("nav.basket"),
                    Texts.en("nav.applications"), Texts.en("nav.workspaces"), Texts.en("nav.account") });
        } finally {
            erin.context().close();
        }
    }

    @Test
    void a_form_breaking_the_rules_comes_back_with_its_errors_and_nothing_is_created() {
        openAdministration();
        Response empty = submit(Texts.en("admin.organisation.create"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(admin.locator("#org-name")).hasAttribute("aria-invalid", "true");
        assertThat(admin.locator("#org-name-messages")).hasText(Texts.en("validation.NotBlank"));
        assertThat(admin.locator("#org-type-messages")).hasText(Texts.en("validation.NotNull"));

        admin.locator("#acc-username").fill("Not Valid");
        admin.locator("#acc-name").fill("Someone");
        admin.locator("#acc-password").fill("short");
        Response invalid = submit(Texts.en("admin.account.create"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(admin.locator("#acc-username-messages")).hasText(Texts.en("validation.username.Pattern"));
        assertThat(admin.locator("#acc-password-messages")).hasText(Texts.en("validation.password.Size"));
        assertThat(admin.locator("#acc-roles-messages")).hasText(Texts.en("validation.NotEmpty"));
        assertThat(admin.locator("#acc-username")).hasValue("Not Valid");
        assertThat(admin.locator("#acc-password")).hasValue("");
        assertThat(admin.locator("#users")).not().containsText("Not Valid");
    }

    @Test
    void a_form_the_rules_of_identity_refuse_shows_why_with_the_stable_code() {
        openAdministration();
        admin.locator("#org-name").fill("MedStat Analytics SAS");
        admin.locator("#org-type").selectOption("COMPANY");
        Response duplicate = submit(Texts.en("admin.organisation.create"));
        assertThat(duplicate.status()).isEqualTo(409);
        Locator alert = admin.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText(Texts.en("problem.identity.organisation_exists"));
        assertThat(alert).containsText("identity.organisation_exists");
        assertThat(admin.locator("#org-name")).hasValue("MedStat Analytics SAS");

        String username = "staff" + unique();
        admin.locator("#acc-username").fill(username);
        admin.locator("#acc-name").fill("Misplaced Reviewer");
        admin.locator("#acc-organisation").selectOption(new SelectOption().setLabel("MedStat Analytics SAS"));
        tick("acc-role-HDAB_REVIEWER");
        admin.locator("#acc-password").fill(PASSWORD);
        Response staff = submit(Texts.en("admin.account.create"));
        assertThat(staff.status()).isEqualTo(422);
        assertThat(admin.getByRole(AriaRole.ALERT)).containsText(Texts.en("problem.identity.staff_outside_hdab"));
        assertThat(admin.locator("#acc-role-HDAB_REVIEWER")).isChecked();
        assertThat(admin.locator("#users")).not().containsText(username);
    }

    private void openAdministration() {
        admin = chromium.newPage("en-GB");
        SignIn.as(admin, base(), "admin");
        admin.navigate(base() + "/admin/users");
        assertThat(admin.locator("main h1")).hasText(Texts.en("admin.heading"));
    }

    /** Ticks a checkbox as people do, on its label (the DSFR draws the box on the label). */
    private void tick(String id) {
        admin.locator("label[for=" + id + "]").click();
        assertThat(admin.locator("#" + id)).isChecked();
    }

    /** Clicks the submit button with this label and returns the response to the form's POST. */
    private Response submit(String label) {
        Locator button = admin.locator("main").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(label).setExact(true));
        Response response = admin.waitForResponse(r -> r.request().method().equals("POST"), button::click);
        admin.waitForLoadState();
        return response;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
