package eu.guichet.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import eu.guichet.testing.Api;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/** The shell in a real browser: failed sign-in, the language switch, refusals and missing pages. */
@Tag("e2e")
@GuichetIntegrationTest
class ShellBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private Page page;

    @Test
    void a_wrong_password_shows_the_error_and_stays_signed_out() {
        page = chromium.newPage("en-GB");
        SignIn.submit(page, base(), "alice", "not-the-password");
        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(Texts.en("login.failed"));
        assertThat(page.locator("header form[action$='/logout']")).hasCount(0);
        page.navigate(base() + "/");
        assertThat(page.locator("main h1")).hasText(Texts.en("welcome.heading", "Guichet"));
    }

    @Test
    void the_language_switch_changes_texts_and_the_page_language_and_is_remembered() {
        page = chromium.newPage("fr-FR");
        page.navigate(base() + "/login");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(submitButton()).hasText(Texts.fr("login.submit"));
        assertThat(page).hasTitle(Texts.fr("login.title") + " — Guichet");

        page.locator("header a[hreflang=en]").first().click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(submitButton()).hasText(Texts.en("login.submit"));
        assertThat(page).hasTitle(Texts.en("login.title") + " — Guichet");
        assertThat(page.locator("header a[hreflang=en]").first()).hasAttribute("aria-current", "true");

        page.navigate(base() + "/");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.locator("header a[hreflang=fr]").first().click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("main h1")).hasText(Texts.fr("welcome.heading", "Guichet"));
    }

    @Test
    void an_applicant_opening_the_administration_gets_the_403_page_and_nothing_of_it() {
        page = chromium.newPage("en-GB");
        SignIn.as(page, base(), "alice");
        Response response = page.navigate(base() + "/admin/users");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("main h1")).hasText(Texts.en("error.status.403"));
        assertThat(page.locator("main")).containsText(Texts.en("problem.access.role_required"));
        assertThat(page.locator("main code")).hasText("access.role_required");
        assertThat(page.locator("#users")).hasCount(0);
        assertThat(page.locator("#organisations")).hasCount(0);
        assertThat(page.locator("main form")).hasCount(0);
        assertThat(page.locator("#header-navigation a")).hasText(new String[] { Texts.en("nav.home"),
                Texts.en("nav.catalogue"), Texts.en("nav.register"), Texts.en("nav.basket"), Texts.en("nav.applications"),
                Texts.en("nav.workspaces"), Texts.en("nav.account") });
    }

    @Test
    void a_missing_page_shows_the_error_page_with_a_way_home() {
        page = chromium.newPage("en-GB");
        Response response = page.navigate(base() + "/no-such-page");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main h1")).hasText(Texts.en("error.status.404"));
        assertThat(page.locator("main code")).hasText("request.not_found");
        page.locator("main").getByText(Texts.en("error.home")).click();
        assertThat(page).hasURL(base() + "/");
    }

    @Test
    void a_visitor_sent_to_sign_in_comes_back_to_the_page_asked_for() {
        page = chromium.newPage("en-GB");
        page.navigate(base() + "/account");
        assertThat(page).hasURL(Pattern.compile("/login$"));
        page.locator("#username").fill("bob");
        page.locator("#password").fill(Api.DEMO_PASSWORD);
        submitButton().click();
        assertThat(page).hasURL(Pattern.compile("/account(\\?continue)?$"));
        assertThat(page.locator("main h1")).hasText(Texts.en("account.heading"));
        assertThat(page.locator("main dl")).containsText("Bob Durand");
        assertThat(page.locator("main dl")).containsText("MedStat Analytics SAS");
        assertThat(page.locator("main dl")).containsText(Texts.en("role.APPLICANT"));

        page.navigate(base() + "/login");
        assertThat(page).hasURL(base() + "/");
    }

    @Test
    void the_skip_link_is_the_first_stop_of_the_keyboard_and_leads_to_the_content() {
        page = chromium.newPage("en-GB");
        page.navigate(base() + "/login");
        page.keyboard().press("Tab");
        assertThat(page.locator(":focus")).hasText(Texts.en("layout.skip.content"));
        assertThat(page.locator(":focus")).isVisible();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("#content$"));
    }

    @Test
    void everything_works_without_javascript() {
        page = chromium.newContext(new Browser.NewContextOptions().setLocale("en-GB").setJavaScriptEnabled(false))
                .newPage();
        SignIn.as(page, base(), "admin");
        page.locator("#header-navigation a").getByText(Texts.en("nav.users")).click();
        assertThat(page.locator("main h1")).hasText(Texts.en("admin.heading"));
        page.locator("#header-navigation a").getByText(Texts.en("nav.audit")).click();
        assertThat(page.locator("#chain-verification")).containsText(Texts.en("audit.chain.intact"));
        page.locator("header a[hreflang=fr]").first().click();
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        SignIn.signOutButton(page).click();
        assertThat(page.getByText(Texts.fr("login.signed_out"))).isVisible();
    }

    private Locator submitButton() {
        return page.locator("main form[action$='/login'] button[type=submit]");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
