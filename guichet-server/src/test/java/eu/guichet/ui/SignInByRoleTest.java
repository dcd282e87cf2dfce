package eu.guichet.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * Every demo account signs in through the form, sees exactly the navigation its roles may open, opens each entry, and
 * signs out. Leaves a full-page screenshot of each account's dashboard in {@code target/screenshots/}.
 */
@Tag("e2e")
@GuichetIntegrationTest
class SignInByRoleTest {

    private static final List<String> EVERYONE = List.of("nav.home", "nav.catalogue", "nav.register", "nav.basket",
            "nav.account");

    /** An applicant's menu: their applications come after the basket they start from. */
    private static final List<String> APPLICANT = List.of("nav.home", "nav.catalogue", "nav.register", "nav.basket",
            "nav.applications", "nav.workspaces", "nav.account");

    private static List<String> andEveryone(String... more) {
        return java.util.stream.Stream.concat(EVERYONE.stream(), java.util.Arrays.stream(more)).toList();
    }

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    static Stream<Arguments> accounts() {
        return Stream.of(
                arguments("admin", "Anne Admin",
                        andEveryone("nav.holder_requests", "nav.queue", "nav.users", "nav.optouts", "nav.audit")),
                arguments("alice", "Alice Martin", APPLICANT),
                arguments("bob", "Bob Durand", APPLICANT),
                arguments("holder", "Hélène Holder",
                        andEveryone("nav.holder", "nav.deliveries", "nav.holder_requests")),
                arguments("reviewer", "Rémi Reviewer", andEveryone("nav.holder_requests", "nav.queue", "nav.review")),
                arguments("decider", "Denise Decider", andEveryone("nav.review")),
                arguments("analyst", "Anatole Analyst", List.of("nav.home", "nav.catalogue", "nav.register",
                        "nav.basket", "nav.workspaces", "nav.account", "nav.statistics")),
                arguments("checker1", "Chloé Checker", andEveryone("nav.outputs")),
                arguments("checker2", "Charles Checker", andEveryone("nav.outputs")),
                arguments("auditor", "Aurore Auditor", andEveryone("nav.audit")),
                arguments("citizen", "Camille Citoyenne", andEveryone("nav.optout")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accounts")
    void each_account_sees_and_opens_exactly_the_pages_of_its_roles(String username, String displayName,
            List<String> navigation) {
        Page page = chromium.newPage("en-GB");
        try {
            SignIn.as(page, base(), username);
            assertThat(page.locator("main h1")).hasText(Texts.en("dashboard.greeting", displayName));
            assertThat(page.locator("header").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(displayName)).first()).isVisible();
            Locator links = page.locator("#header-navigation a");
            assertThat(links).hasText(navigation.stream().map(Texts::en).toArray(String[]::new));
            Chromium.screenshot(page, "role-" + username, true);

            for (String key : navigation) {
                Locator link = links.getByText(Texts.en(key), new Locator.GetByTextOptions().setExact(true));
                Response response = page.waitForResponse(r -> r.request().isNavigationRequest(), link::click);
                assertThat(response.status()).as("%s opening %s", username, key).isEqualTo(200);
                assertThat(link).hasAttribute("aria-current", "page");
                assertThat(page.locator("main h1")).isVisible();
                assertThat(page.locator(".guichet-error")).hasCount(0);
            }

            SignIn.signOutButton(page).click();
            assertThat(page).hasURL(Pattern.compile("/login\\?logout$"));
            assertThat(page.getByText(Texts.en("login.signed_out"))).isVisible();
            assertThat(page.locator("header form[action$='/logout']")).hasCount(0);
        } finally {
            page.context().close();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
