package eu.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/** An endpoint whose author forgot to decide who may call it is refused to everyone, the administrator included. */
@GuichetIntegrationTest
@Import(UndeclaredEndpointTest.ForgetfulController.class)
class UndeclaredEndpointTest {

    @RestController
    static class ForgetfulController {
        @GetMapping("/api/forgotten")
        String forgotten() {
            return "data that nobody decided about";
        }
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "admin", "auditor", "alice", "citizen" })
    void is_refused_to_every_role(String user) {
        var response = new Api(port).get("/api/forgotten", user);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("access.undeclared");
        assertThat(response.body()).doesNotContain("nobody decided");
    }

    @org.junit.jupiter.api.Test
    void is_refused_to_anonymous_callers() {
        var response = new Api(port).get("/api/forgotten", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("nobody decided");
    }
}
