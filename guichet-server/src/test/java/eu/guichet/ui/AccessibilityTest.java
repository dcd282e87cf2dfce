package eu.guichet.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;

/**
 * axe-core on the pages of the shell, in both languages: no violation of impact serious or critical. The pages checked
 * are also photographed (viewport 1280×800) as {@code target/screenshots/page-<name>.png}, the source of
 * {@code docs/screenshots/}.
 */
@Tag("e2e")
@GuichetIntegrationTest
class AccessibilityTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    private Page page;
    private final SoftAssertions softly = new SoftAssertions();

    @Test
    void pages_for_visitors() {
        for (String language : List.of("en-GB", "fr-FR")) {
            page = axePage(language);
            check("/login", "login", language);
            check("/", "welcome", language);
            check("/no-such-page", "not-found", language);
            page.context().close();
        }
        page = axePage("en-GB");
        page.navigate(base() + "/login?error");
        check(null, "login-error", "en-GB");
        softly.assertAll();
    }

    @Test
    void pages_of_an_administrator() {
        for (String language : List.of("en-GB", "fr-FR")) {
            page = axePage(language);
            SignIn.as(page, base(), "admin");
            check("/", "dashboard", language);
            check("/account", "account", language);
            check("/admin/users", "users", language);
            check("/audit", "audit", language);
            page.context().close();
        }
        page = axePage("en-GB");
        SignIn.as(page, base(), "admin");
        page.navigate(base() + "/admin/users");
        page.locator("main form[action$='/admin/organisations'] button[type=submit]").click();
        assertThat(page.locator("#org-name")).hasAttribute("aria-invalid", "true");
        check(null, "users-with-errors", "en-GB");
        softly.assertAll();
    }

    @Test
    void the_refusal_page() {
        page = axePage("en-GB");
        SignIn.as(page, base(), "alice");
        check("/admin/users", "denied", "en-GB");
        softly.assertAll();
    }

    /** A page whose context ignores the Content Security Policy, so that axe can be injected. */
    private Page axePage(String locale) {
        return chromium.newContext(Axe.contextOptions(locale)).newPage();
    }

    /** Opens the path (null: stay), runs axe, records its serious and critical violations, takes a screenshot. */
    private void check(String path, String name, String language) {
        if (path != null) {
            page.navigate(base() + path);
        }
        assertThat(page.locator("main h1")).isVisible();
        softly.assertThat(Axe.seriousViolations(page)).as("serious or critical accessibility violations on %s (%s)",
                page.url(), language).isEmpty();
        Chromium.screenshot(page, "page-" + name + "-" + language.substring(0, 2), false);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
