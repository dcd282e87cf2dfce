package eu.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/** A user whose roles change loses the rights of the old roles at once, not at their next sign-out. */
@GuichetIntegrationTest
class SessionExpiryTest {

    @LocalServerPort
    int port;

    @Test
    void changing_roles_ends_the_users_open_browser_sessions() {
        Api api = new Api(port);
        String holderOrganisation = api.get("/api/me", "holder").json().get("organisation").get("id").asString();
        var created = api.post("/api/users", "admin", """
                {"username": "hugo", "displayName": "Hugo Holder", "organisationId": "%s",
                 "roles": ["DATA_HOLDER"], "password": "%s"}""".formatted(holderOrganisation, Api.DEMO_PASSWORD));
        assertThat(created.status()).isEqualTo(201);
        BrowserSession hugo = BrowserSession.signedIn(port, "hugo");
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        assertThat(hugo.get("/account").statusCode()).isEqualTo(200);

        var changed = api.put("/api/users/" + created.json().get("id").asString() + "/roles", "admin",
                """
                {"roles": ["APPLICANT"]}""");
        assertThat(changed.status()).isEqualTo(200);

        var after = hugo.get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
        assertThat(alice.get("/account").statusCode()).as("other users' sessions are untouched").isEqualTo(200);
    }
}
