package eu.guichet.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;

import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * The plain theme: the same pages without the DSFR (its own stylesheet, no Marianne even for a State service),
 * usable and accessible: sign-in, navigation and the administration work, and axe finds no serious violation.
 */
@Tag("e2e")
@GuichetIntegrationTest
@TestPropertySource(properties = { "guichet.ui.theme=plain", "guichet.ui.state-service=true",
        "guichet.ui.operator-name=Agence exemple des données de santé" })
class PlainThemeTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void pages_use_the_plain_stylesheet_and_nothing_of_the_dsfr() {
        Api api = new Api(port);
        String login = api.sendWithHeader("GET", "/login", "Accept-Language", "en", null).body();
        assertThat(login).contains("/themes/plain/plain.css").contains("Agence exemple des données de santé")
                .doesNotContain("/vendor/dsfr/").doesNotContain("fr-header").doesNotContain("République");
        var stylesheet = api.sendWithHeader("GET", "/themes/plain/plain.css", "Accept", "text/css", null);
        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void an_administrator_signs_in_and_uses_the_pages_which_pass_axe() {
        SoftAssertions softly = new SoftAssertions();
        Page page = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        try {
            page.navigate(base() + "/login");
            softly.assertThat(Axe.seriousViolations(page)).as("axe on the plain sign-in page").isEmpty();
            Chromium.screenshot(page, "plain-login", false);
            SignIn.as(page, base(), "admin");
            assertThat(page.locator("#header-navigation a")).hasText(List.of("nav.home", "nav.catalogue", "nav.register",
                    "nav.basket", "nav.account", "nav.holder_requests", "nav.queue", "nav.users", "nav.optouts",
                    "nav.audit").stream()
                    .map(Texts::en)
                    .toArray(String[]::new));
            for (String path : List.of("/", "/admin/users", "/audit", "/account")) {
                page.navigate(base() + path);
                assertThat(page.locator("main h1")).isVisible();
                softly.assertThat(Axe.seriousViolations(page)).as("axe on the plain %s", path).isEmpty();
            }
            page.navigate(base() + "/");
            Chromium.screenshot(page, "plain-dashboard", false);
            SignIn.signOutButton(page).click();
            assertThat(page.getByText(Texts.en("login.signed_out"))).isVisible();
        } finally {
            page.context().close();
        }
        softly.assertAll();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
