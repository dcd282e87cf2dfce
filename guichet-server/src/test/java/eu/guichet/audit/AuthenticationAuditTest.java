package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.security.AllowAnonymous;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-ins and failed sign-ins are audited with the (attempted) username, never the password.
 *
 * <p>The branch has no sign-in page yet; a test-only endpoint hands out the CSRF token of the browser session so the
 * real form sign-in ({@code POST /login}) can be exercised. When the page exists, take the token from it instead.
 */
@GuichetIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationAuditTest {

    @TestConfiguration
    static class CsrfTokenForTests {
        @Bean
        CsrfTokenEndpoint csrfTokenEndpoint() {
            return new CsrfTokenEndpoint();
        }
    }

    @RestController
    static class CsrfTokenEndpoint {
        @GetMapping("/test-only/csrf")
        @AllowAnonymous
        Map<String, String> csrf(CsrfToken token) {
            return Map.of("parameterName", token.getParameterName(), "token", token.getToken());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    Api api;
    AuditProbe probe;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        probe = new AuditProbe(dataSource, api);
    }

    @Test
    void a_failed_http_basic_sign_in_is_audited_without_the_password(CapturedOutput output) {
        String password = "Never-Store-Me-" + AuditProbe.requestId("secret");
        String requestId = AuditProbe.requestId("basic-failure");

        assertThat(probe.failedLogin("alice", password, requestId).status()).isEqualTo(401);

        assertThat(probe.rowsOfRequest(requestId)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("identity.login_failed");
            assertThat(event.outcome()).isEqualTo("FAILURE");
            assertThat(event.actor()).isEqualTo("alice");
            assertThat(event.details()).isEqualTo(
                    "{\"method\":\"password\",\"reason\":\"BadCredentialsException\"}");
        });
        assertPasswordNowhere(password, output);
    }

    @Test
    void a_failed_sign_in_of_an_unknown_user_names_the_attempted_username() {
        String requestId = AuditProbe.requestId("unknown-user");

        assertThat(probe.failedLogin("nobody-here", "whatever-password", requestId).status()).isEqualTo(401);

        assertThat(probe.rowsOfRequest(requestId)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("identity.login_failed");
            assertThat(event.actor()).isEqualTo("nobody-here");
        });
    }

    @Test
    void an_absurdly_long_attempted_username_is_cut_before_it_is_stored() {
        String requestId = AuditProbe.requestId("long-user");

        assertThat(probe.failedLogin("x".repeat(4000), "whatever-password", requestId).status()).isEqualTo(401);

        assertThat(probe.rowsOfRequest(requestId)).singleElement()
                .satisfies(event -> assertThat(event.actor()).hasSizeLessThanOrEqualTo(100).startsWith("xxx"));
    }

    @Test
    void a_successful_form_sign_in_is_audited_as_a_login() throws Exception {
        String requestId = AuditProbe.requestId("form-login");

        HttpResponse<String> response = new Browser().signIn("bob", Api.DEMO_PASSWORD, requestId);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain(
                "error"));
        assertThat(probe.rowsOfRequest(requestId)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("identity.login");
            assertThat(event.outcome()).isEqualTo("SUCCESS");
            assertThat(event.actor()).isEqualTo("bob");
            assertThat(event.details()).isEqualTo("{\"method\":\"password\"}");
        });
        probe.assertIntact();
    }

    @Test
    void a_failed_form_sign_in_is_audited_without_the_password(CapturedOutput output) throws Exception {
        String password = "Form-Secret-" + AuditProbe.requestId("secret");
        String requestId = AuditProbe.requestId("form-failure");

        HttpResponse<String> response = new Browser().signIn("bob", password, requestId);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(
                "/login?error"));
        assertThat(probe.rowsOfRequest(requestId)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("identity.login_failed");
            assertThat(event.outcome()).isEqualTo("FAILURE");
            assertThat(event.actor()).isEqualTo("bob");
        });
        assertPasswordNowhere(password, output);
    }

    private void assertPasswordNowhere(String password, CapturedOutput output) {
        Api.Response export = api.send("GET", "/api/audit/events", "auditor", null,
                Map.of("Accept", "application/x-ndjson"));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("identity.login_failed").doesNotContain(password);
        assertThat(output.getAll()).as("logs").doesNotContain(password);
    }

    /** A browser session: cookies kept, redirects not followed. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> signIn(String username, String password, String requestId)
                throws IOException, InterruptedException {
            HttpResponse<String> csrf = client.send(HttpRequest.newBuilder(URI.create(api.base() + "/test-only/csrf"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(csrf.statusCode()).isEqualTo(200);
            Map<?, ?> token = JsonMapper.builder().build().readValue(csrf.body(), Map.class);
            String form = Map.of("username", username, "password", password,
                    String.valueOf(token.get("parameterName")), String.valueOf(token.get("token")))
                    .entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create(api.base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Request-Id", requestId)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
