package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Security property 1, separation of duties: nobody assesses or decides on an application of their own organisation
 * (HDAB staff when the HDAB itself applies); the decider is never the reviewer who assessed it. Accounts with the
 * right roles are created for the test, so only the rule stands between them and the move.
 */
@GuichetIntegrationTest
class SeparationOfDutiesTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    private Api api;
    private AccessJourneys journeys;
    private DatasetId dataset;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        dataset = AccessJourneys.publishedDataset(api, "DUTIES");
        journeys = new AccessJourneys(api, dataset);
    }

    @Test
    void hdab_staff_do_not_assess_an_application_of_their_own_organisation() {
        String insider = account("APPLICANT", organisationOf("reviewer"));
        String form = ApplicationForms.aCompleteForm().forDataset(dataset, "DUTIES", "T.C")
                .withTeam(new ApplicationForm.TeamMember(insider, "Principal investigator", true)).json();
        var draft = postAs(insider, "/api/applications", "{\"kind\": \"DATA_ACCESS\", \"form\": " + form + "}");
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String id = draft.json().get("id").asString();
        assertThat(postAs(insider, "/api/applications/" + id + "/submit", null).json().get("status").asString())
                .isEqualTo("PRE_SCREENING");

        for (String action : new String[] { "accept", "request_information" }) {
            var refused = api.post("/api/applications/" + id + "/transitions", "reviewer",
                    "{\"action\": \"" + action + "\", \"reason\": \"why\"}");
            assertThat(refused.status()).as(action).isEqualTo(403);
            assertThat(refused.body()).contains("access.transition_not_yours");
        }
        assertThat(api.post("/api/applications/" + id + "/holder-requests", "reviewer", null).status())
                .isEqualTo(403);
    }

    @Test
    void the_reviewer_who_assessed_an_application_does_not_decide_on_it() {
        String both = account("HDAB_REVIEWER\", \"HDAB_DECIDER", organisationOf("reviewer"));
        String screened = journeys.screened();
        assertThat(postAs(both, "/api/applications/" + screened + "/transitions", "{\"action\": \"accept\"}")
                .status()).isEqualTo(200);
        var decide = postAs(both, "/api/applications/" + screened + "/decision",
                "{\"outcome\": \"GRANTED\", \"justification\": \"I assessed it myself.\"}");
        assertThat(decide.status()).isEqualTo(403);

        var byAnother = api.post("/api/applications/" + screened + "/decision", "decider",
                "{\"outcome\": \"REFUSED\", \"justification\": \"Four eyes.\"}");
        assertThat(byAnother.status()).isEqualTo(201);
    }

    /** An account with the given roles in the organisation; returns its username. */
    private String account(String roles, String organisation) {
        String username = "duty" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100000);
        var created = api.post("/api/users", "admin", """
                {"username": "%s", "displayName": "Staff member", "organisationId": "%s",
                 "roles": ["%s"], "password": "%s"}""".formatted(username, organisation, roles, PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username;
    }

    /** A call as an account created here (the demo accounts share another password). */
    private Api.Response postAs(String user, String path, String json) {
        return api.sendWithHeader("POST", path, "Authorization", Api.basic(user, PASSWORD), json);
    }

    private String organisationOf(String username) {
        return identity.findUserByUsername(username).orElseThrow().organisationId().orElseThrow().toString();
    }
}
