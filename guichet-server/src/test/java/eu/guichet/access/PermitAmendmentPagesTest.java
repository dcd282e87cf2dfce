package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * On the permit page: the applicant asks for an amendment (a message the decider is told of), the decider amends the
 * conditions with reasons (a new version, the applicant told), then revokes it; an inactive permit takes no request.
 */
@GuichetIntegrationTest
class PermitAmendmentPagesTest {

    @LocalServerPort
    int port;

    @Test
    void the_applicant_asks_for_an_amendment_and_the_decider_amends_the_permit() {
        Api api = new Api(port);
        String permit = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "AMEND")).permit();
        String path = "/permits/" + permit;
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        assertThat(alice.get(path + "?lang=en").body()).contains("id=\"ask-amendment\"").doesNotContain("id=\"amend\"");

        assertThat(alice.submit(path, path + "/amendment-request",
                Map.of("request", "Add Bob as a statistician.")).statusCode()).isEqualTo(302);
        assertThat(alice.get(path + "?lang=en").body()).contains("Your request for an amendment is sent to the HDAB.");
        var decider = api.send("GET", "/api/notifications", "decider", null, Map.of("Accept-Language", "en"));
        assertThat(decider.body()).contains(path).contains("requested: Add Bob as a statistician.");

        BrowserSession deciderPage = BrowserSession.signedIn(port, "decider");
        assertThat(deciderPage.get(path + "?lang=en").body()).contains("id=\"amend\"")
                .doesNotContain("id=\"ask-amendment\"");
        assertThat(deciderPage.submit(path, path + "/amendments", Map.of("conditions", "Publish within 12 months.",
                "reason", "Asked by the applicant.")).statusCode()).isEqualTo(302);
        String amended = deciderPage.get(path + "?lang=en").body();
        assertThat(amended).contains("The permit is amended: a new version is issued.")
                .contains("Publish within 12 months.").contains("Version 2");
        var alices = api.send("GET", "/api/notifications", "alice", null, Map.of("Accept-Language", "en"));
        assertThat(alices.body()).contains("was amended: read its new version.");

        assertThat(deciderPage.submit(path, path + "/revocation", Map.of("reason", "Breach.")).statusCode())
                .isEqualTo(302);
        assertThat(alice.submit(path, path + "/amendment-request", Map.of("request", "Again.")).statusCode())
                .isEqualTo(302);
        assertThat(alice.get(path + "?lang=en").body()).doesNotContain("id=\"ask-amendment\"")
                .contains("access.permit_not_amendable");
    }
}
