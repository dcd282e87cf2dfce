package eu.guichet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import eu.guichet.security.AccessRule;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Texts;

/** The shell over plain HTTP: languages, default branding, error pages, the navigation's access rules. */
@GuichetIntegrationTest
class ShellPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void each_navigation_entry_is_shown_to_exactly_those_its_page_admits() throws Exception {
        for (NavigationEntry entry : Navigation.entries()) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", entry.path());
            ServletRequestPathUtils.parseAndCache(request);
            HandlerExecutionChain chain = mappings.getHandler(request);
            assertThat(chain).as("a page answers GET %s", entry.path()).isNotNull();
            assertThat(AccessRule.of((HandlerMethod) chain.getHandler())).as("access rule of %s", entry.path())
                    .contains(entry.rule());
        }
    }

    @Test
    void french_is_the_default_and_the_browser_preference_is_followed() {
        assertThat(get("/login", null).body()).contains("<html lang=\"fr\"").contains(Texts.fr("login.submit"));
        assertThat(get("/login", "de-DE,de;q=0.9").body()).contains("<html lang=\"fr\"");
        assertThat(get("/login", "en-GB,en;q=0.9").body()).contains("<html lang=\"en\"")
                .contains(Texts.en("login.submit"));
        assertThat(get("/login", "de-DE,en;q=0.5").body()).contains("<html lang=\"en\"");
    }

    @Test
    void the_language_chosen_is_kept_in_a_cookie_and_unsupported_ones_are_ignored() {
        HttpResponse<String> switched = get("/login?lang=en", "fr-FR");
        assertThat(switched.body()).contains("<html lang=\"en\"");
        assertThat(switched.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                c -> assertThat(c).startsWith("guichet-lang=en").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(get("/", "fr-FR").body()).contains("<html lang=\"en\"");
        assertThat(get("/?lang=de", "fr-FR").body()).contains("<html lang=\"en\"");
        assertThat(get("/?lang=fr", "en-GB").body()).contains("<html lang=\"fr\"");
    }

    @Test
    void pages_have_a_title_landmarks_and_a_skip_link() {
        String welcome = get("/", "en").body();
        assertThat(welcome).contains("<title>" + Texts.en("welcome.title") + " — Guichet</title>")
                .contains("<a class=\"fr-link\" href=\"#content\">").contains("<main id=\"content\"")
                .contains("role=\"banner\"").contains("role=\"contentinfo\"")
                .contains("aria-label=\"" + Texts.en("layout.navigation") + "\"");
    }

    @Test
    void by_default_the_dsfr_theme_shows_no_marianne_block() {
        String login = get("/login", "fr").body();
        assertThat(login).contains("/vendor/dsfr/dsfr.min.css").contains("fr-header__service-title")
                .doesNotContain("fr-logo").doesNotContain("République").doesNotContain("/vendor/dsfr/favicon/");
    }

    @Test
    void an_unknown_page_gets_the_error_page_with_its_code_and_no_stack_trace() {
        HttpResponse<String> missing = get("/no/such/page", "en");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/html"));
        assertThat(missing.body()).contains("class=\"guichet-error\"").contains(Texts.en("error.status.404"))
                .contains("<code>request.not_found</code>").contains("href=\"/\"")
                .doesNotContain("Exception").doesNotContain("at eu.guichet").doesNotContain("at org.");
    }

    @Test
    void refused_posts_are_forwarded_to_the_403_page_too() {
        HttpResponse<String> withoutCsrfToken = send(HttpRequest.newBuilder(uri("/admin/organisations"))
                .header("Accept", "text/html").header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        assertThat(withoutCsrfToken.statusCode()).isEqualTo(403);
        assertThat(withoutCsrfToken.body()).contains(Texts.en("error.status.403"))
                .contains("<code>access.denied</code>");
        assertThat(get("/denied", "en").statusCode()).isEqualTo(403);
    }

    @Test
    void demo_progress_is_plain_json() {
        HttpResponse<String> progress = send(HttpRequest.newBuilder(uri("/demo/progress"))
                .header("Accept", "application/json").build());
        assertThat(progress.statusCode()).isEqualTo(200);
        // tests run without a synthetic population: its demo step has nothing to do and counts as done
        assertThat(progress.body()).contains("\"demoMode\":true")
                .contains("{\"name\":\"synthetic-data\",\"labelKey\":\"demo.step.synthetic_data\",\"state\":\"DONE\"");
    }

    @Test
    void visitors_opening_a_page_for_signed_in_users_are_sent_to_sign_in() {
        HttpResponse<String> account = get("/account", "en");
        assertThat(account.statusCode()).isEqualTo(302);
        assertThat(account.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/login"));
    }

    private HttpResponse<String> get(String path, String acceptLanguage) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/html");
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
