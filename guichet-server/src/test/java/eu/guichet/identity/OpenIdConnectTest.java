package eu.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import eu.guichet.security.Role;
import eu.guichet.testing.Api;
import eu.guichet.testing.TestDatabase;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Production sign-in against a real OpenID Connect provider running in-process (mock-oauth2-server speaks the real
 * protocol: discovery, authorization code flow, signed tokens, JWKS). No local accounts in this mode.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class OpenIdConnectTest {

    static final String ISSUER = "guichet-idp";
    static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start(0);
    }

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        String issuer = provider.issuerUrl(ISSUER).toString();
        registry.add("spring.security.oauth2.client.registration.oidc.client-id", () -> "guichet");
        registry.add("spring.security.oauth2.client.registration.oidc.client-secret", () -> "secret");
        registry.add("spring.security.oauth2.client.registration.oidc.scope", () -> "openid,profile,email");
        registry.add("spring.security.oauth2.client.provider.oidc.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> "guichet");
        registry.add("guichet.identity.oidc.national-id-claim", () -> "ins_nir");
    }

    @AfterAll
    static void stop() {
        provider.shutdown();
    }

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_reviewer_signs_in_through_the_provider_and_gets_an_account_with_the_roles_of_the_claims()
            throws Exception {
        identity.createOrganisation(new NewOrganisation("HDAB under test", OrganisationType.HDAB, "HDAB-OIDC", "FR",
                true));
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-reviewer-1", "JWT",
                List.of("guichet"), Map.of("preferred_username", "rachel", "name", "Rachel Reviewer",
                        "roles", List.of("HDAB_REVIEWER", "some-unrelated-role"), "organisation", "HDAB-OIDC"),
                3600));

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> last = follow(browser, "http://localhost:" + port + SignInMethods.OIDC_START, 6);

        assertThat(last.uri().getPath()).as("back on the home page after sign-in").isEqualTo("/");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.body()).as("the dashboard greets the signed-in reviewer").contains("Rachel Reviewer");
        HttpResponse<String> accountPage = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/account?lang=en")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accountPage.statusCode()).isEqualTo(200);
        assertThat(accountPage.body()).contains("rachel").contains("HDAB under test");
        var account = identity.findUserByUsername("rachel").orElseThrow();
        assertThat(account.roles()).containsExactly(Role.HDAB_REVIEWER);
        assertThat(account.localAccount()).isFalse();
        assertThat(account.organisationId()).isPresent();
        assertThat(identity.getOrganisation(account.organisationId().get(),
                eu.guichet.security.CurrentUsersForTests.staff()).identifier()).isEqualTo("HDAB-OIDC");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'identity.login' and actor = 'rachel'"
                + " and details like '%oidc%'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_api_takes_bearer_tokens_and_maps_roles_from_the_token() {
        String auditorToken = token("subject-auditor-1", Map.of("preferred_username", "olga",
                "roles", List.of("AUDITOR")));
        Api api = new Api(port);

        var me = api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + auditorToken, null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("olga");
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("AUDITOR");

        assertThat(api.sendWithHeader("GET", "/api/audit/verify", "Authorization", "Bearer " + auditorToken, null)
                .status()).isEqualTo(200);

        String applicantToken = token("subject-applicant-1", Map.of("preferred_username", "paul",
                "roles", List.of("APPLICANT")));
        assertThat(api.sendWithHeader("GET", "/api/audit/verify", "Authorization", "Bearer " + applicantToken,
                null).status()).isEqualTo(403);
    }

    @Test
    void roles_follow_the_provider_at_each_sign_in() {
        Api api = new Api(port);
        String before = token("subject-changing-1", Map.of("preferred_username", "victor",
                "roles", List.of("APPLICANT")));
        assertThat(api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + before, null).json()
                .get("roles").get(0).asString()).isEqualTo("APPLICANT");
        String after = token("subject-changing-1", Map.of("preferred_username", "victor",
                "roles", List.of("DATA_HOLDER")));
        var me = api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + after, null);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("DATA_HOLDER");
        assertThat(identity.findUserByUsername("victor").orElseThrow().roles()).containsExactly(Role.DATA_HOLDER);
    }

    @Test
    void forged_expired_or_foreign_tokens_get_401_and_are_audited_without_the_token() {
        Api api = new Api(port);
        MockOAuth2Server other = new MockOAuth2Server();
        other.start(0);
        try {
            String foreign = other.issueToken(ISSUER, "intruder", new DefaultOAuth2TokenCallback(ISSUER, "intruder",
                    "JWT", List.of("guichet"), Map.of("roles", List.of("HDAB_ADMIN")), 3600)).serialize();
            var response = api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + foreign, null);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("code").asString()).isEqualTo("authentication.required");
            String wrongAudience = provider.issueToken(ISSUER, "client", new DefaultOAuth2TokenCallback(ISSUER,
                    "someone", "JWT", List.of("another-service"), Map.of("roles", List.of("HDAB_ADMIN")), 3600))
                    .serialize();
            assertThat(api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + wrongAudience, null)
                    .status()).isEqualTo(401);
            List<String> failures = jdbc.sql("select actor || ' ' || details from audit_event"
                    + " where action = 'identity.login_failed'").query(String.class).list();
            assertThat(failures).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> {
                assertThat(f).startsWith("anonymous ").contains("bearer").doesNotContain(foreign)
                        .doesNotContain(wrongAudience);
            });
        } finally {
            other.shutdown();
        }
    }

    @Test
    void the_sign_in_page_offers_the_identity_provider_and_no_password_form() {
        var page = new Api(port).sendWithHeader("GET", "/login", "Accept-Language", "en", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"" + SignInMethods.OIDC_START + "\"")
                .doesNotContain("name=\"password\"").doesNotContain("id=\"demo-progress\"");
    }

    @Test
    void the_organisation_follows_the_provider_at_each_sign_in() {
        identity.createOrganisation(new NewOrganisation("Lab before", OrganisationType.ACADEMIC, "ORG-BEFORE", "FR",
                false));
        identity.createOrganisation(new NewOrganisation("Lab after", OrganisationType.ACADEMIC, "ORG-AFTER", "FR",
                false));
        Api api = new Api(port);
        api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token("subject-moving-1",
                Map.of("preferred_username", "mona", "roles", List.of("APPLICANT"), "organisation", "ORG-BEFORE")),
                null);
        var me = api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token("subject-moving-1",
                Map.of("preferred_username", "mona", "roles", List.of("APPLICANT"), "organisation", "ORG-AFTER")),
                null);
        assertThat(me.json().get("organisation").get("name").asString()).isEqualTo("Lab after");
        var stored = identity.findUserByUsername("mona").orElseThrow().organisationId().orElseThrow();
        assertThat(identity.findOrganisation(stored).orElseThrow().identifier()).isEqualTo("ORG-AFTER");
    }

    @Test
    void no_password_account_can_be_created_where_local_accounts_are_off() {
        String adminToken = token("subject-admin-1", Map.of("preferred_username", "ada", "roles",
                List.of("HDAB_ADMIN")));
        var response = new Api(port).sendWithHeader("POST", "/api/users", "Authorization", "Bearer " + adminToken,
                """
                {"username": "sneaky", "displayName": "Sneaky", "roles": ["CITIZEN"],
                 "password": "a long enough password"}""");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("identity.local_accounts_disabled");
        assertThat(identity.findUserByUsername("sneaky")).isEmpty();
    }

    @Test
    void a_citizen_s_national_identifier_comes_from_the_configured_claim_and_lets_them_opt_out() {
        Api api = new Api(port);
        String nir = eu.guichet.optout.Citizens.newNir();
        String citizen = token("subject-citizen-1", Map.of("preferred_username", "claire", "roles",
                List.of("CITIZEN"), "ins_nir", nir));
        var optedOut = api.sendWithHeader("POST", "/api/optouts", "Authorization", "Bearer " + citizen, null);
        assertThat(optedOut.status()).as(optedOut.body()).isEqualTo(201);
        var claire = identity.findUserByUsername("claire").orElseThrow().id();
        assertThat(identity.findNationalIdentifier(claire)).contains(nir);

        String changed = eu.guichet.optout.Citizens.newNir();
        api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + token("subject-citizen-1",
                Map.of("preferred_username", "claire", "roles", List.of("CITIZEN"), "ins_nir", changed)), null);
        assertThat(identity.findNationalIdentifier(claire)).contains(changed);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'identity.national_identifier_synchronised'"
                + " and details not like ? and details not like ?").params("%" + nir + "%", "%" + changed + "%")
                .query(Long.class).single()).isEqualTo(2);

        String applicant = token("subject-applicant-nir", Map.of("preferred_username", "arno", "roles",
                List.of("APPLICANT"), "ins_nir", eu.guichet.optout.Citizens.newNir()));
        api.sendWithHeader("GET", "/api/me", "Authorization", "Bearer " + applicant, null);
        assertThat(identity.findNationalIdentifier(identity.findUserByUsername("arno").orElseThrow().id()))
                .as("kept for citizens only").isEmpty();
    }

    @Test
    void production_mode_seeds_nothing() {
        assertThat(identity.findUserByUsername("admin")).isEmpty();
        assertThat(identity.findUserByUsername("alice")).isEmpty();
        assertThat(identity.listOrganisations()).extracting(Organisation::name)
                .doesNotContain("MedStat Analytics SAS");
    }

    @Test
    void local_accounts_are_off_in_production_mode() {
        var response = new Api(port).sendWithHeader("GET", "/api/me", "Authorization",
                Api.basic("admin", Api.DEMO_PASSWORD), null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    private static String token(String subject, Map<String, Object> claims) {
        return provider.issueToken(ISSUER, "guichet-cli", new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT",
                List.of("guichet"), claims, 3600)).serialize();
    }

    /** Follows redirects by hand (across the app and the provider), keeping cookies, like a browser. */
    private static HttpResponse<String> follow(HttpClient browser, String url, int maxHops)
            throws IOException, InterruptedException {
        URI next = URI.create(url);
        HttpResponse<String> response = null;
        for (int hop = 0; hop < maxHops; hop++) {
            response = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return response;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
        }
        return response;
    }
}
