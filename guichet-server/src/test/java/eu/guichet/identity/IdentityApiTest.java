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

    @Test
    void a_password_longer_than_bcrypt_can_hash_is_refused_with_422_not_a_server_error() {
        String body = """
                {"username": "longpass", "displayName": "Long Pass", "roles": ["CITIZEN"],
                 "password": "%s"}""".formatted("é".repeat(40));
        var response = api.post("/api/users", "admin", body);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).doesNotContain("éééé");
    }

    @Test
    void a_duplicate_organisation_name_is_a_409_even_with_surrounding_spaces() {
        String first = """
                {"name": "Institut Dupont", "type": "ACADEMIC"}""";
        String again = """
                {"name": "  Institut Dupont ", "type": "ACADEMIC"}""";
        assertThat(api.post("/api/organisations", "admin", first).status()).isEqualTo(201);
        var response = api.post("/api/organisations", "admin", again);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("identity.organisation_exists");
    }

    @Test
    void a_null_role_is_refused_as_a_bad_request_not_a_server_error() {
        var response = api.post("/api/users", "admin", """
                {"username": "nullrole", "displayName": "Null Role", "roles": [null],
                 "password": "a long enough password"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("request.unreadable");
    }

    @Test
    void repeated_wrong_passwords_lock_the_username_for_a_while_even_against_the_right_password() {
        String body = """
                {"username": "guessme", "displayName": "Guess Me", "roles": ["CITIZEN"],
                 "password": "%s"}""".formatted(Api.DEMO_PASSWORD);
        assertThat(api.post("/api/users", "admin", body).status()).isEqualTo(201);
        assertThat(api.get("/api/me", "guessme").status()).isEqualTo(200);
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(api.sendWithHeader("GET", "/api/me", "Authorization", Api.basic("guessme", "guess-" + attempt),
                    null).status()).isEqualTo(401);
        }
        assertThat(api.get("/api/me", "guessme").status()).as("locked, right password or not").isEqualTo(401);
        assertThat(api.get("/api/me", "alice").status()).as("other accounts are not affected").isEqualTo(200);
    }
}
