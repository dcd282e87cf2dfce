package eu.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

@GuichetIntegrationTest
class IdentityApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void a_signed_in_user_sees_who_they_are_their_organisation_and_roles() {
        var me = api.get("/api/me", "alice");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("alice");
        assertThat(me.json().get("organisation").get("type").asString()).isEqualTo("ACADEMIC");
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("APPLICANT");
    }

    @Test
    void a_wrong_password_gets_401_with_a_problem_document() {
        var response = api.sendWithHeader("GET", "/api/me", "Authorization", Api.basic("alice", "wrong-password"),
                null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("authentication.required");
    }
}
