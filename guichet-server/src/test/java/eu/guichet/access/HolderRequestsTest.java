package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Requests to data holders: consulted during the assessment (their estimate joins the fee estimate), asked for the
 * data after the grant with their own 3 + 3 months clock, then the HDAB's 2 months of provision from receipt.
 */
@GuichetIntegrationTest
class HolderRequestsTest {

    @LocalServerPort
    int port;

    private Api api;
    private AccessJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "HOLDER-REQ"));
    }

    @Test
    void a_consulted_holder_answers_and_its_estimate_joins_the_applicants_fee_estimate() {
        String application = journeys.processing();
        assertThat(api.post("/api/applications/" + application + "/holder-requests", "alice", null).status())
                .isEqualTo(403);
        var consulted = api.post("/api/applications/" + application + "/holder-requests", "reviewer", null);
        assertThat(consulted.status()).isEqualTo(200);
        JsonNode request = consulted.json().get(0);
        assertThat(request.get("kind").asString()).isEqualTo("CONSULTATION");
        String id = request.get("id").asString();

        assertThat(api.post("/api/holder-requests/" + id + "/answer", "bob", "{\"costEstimate\": 10}").status())
                .isEqualTo(403);
        assertThat(api.post("/api/holder-requests/" + id + "/answer", "holder", "{\"costEstimate\": -1}").status())
                .isEqualTo(422);
        var answered = api.post("/api/holder-requests/" + id + "/answer", "holder",
                "{\"costEstimate\": 1200.50, \"feasibility\": \"Extraction in 6 weeks.\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");

        JsonNode fees = api.get("/api/applications/" + application, "alice").json().get("fees");
        JsonNode compensation = null;
        for (JsonNode line : fees.get("lines")) {
            if (line.get("code").asString().equals("HOLDER_COMPENSATION")) {
                compensation = line;
            }
        }
        assertThat(compensation).as(fees.toString()).isNotNull();
        assertThat(compensation.get("amount").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(compensation.get("detail").asString()).isNotBlank();
    }

    @Test
    void after_the_grant_each_holder_is_asked_for_the_data_with_its_own_clock() {
        String application = journeys.granted();
        var requests = api.get("/api/applications/" + application + "/holder-requests", "alice");
        assertThat(requests.json()).hasSize(1);
        JsonNode request = requests.json().get(0);
        assertThat(request.get("kind").asString()).isEqualTo("DATA");
        assertThat(request.get("clock").get("period").asString()).isEqualTo("HOLDER_DELIVERY");
        String id = request.get("id").asString();

        assertThat(api.get("/api/holder-requests", "holder").body()).contains(id);
        assertThat(api.post("/api/holder-requests/" + id + "/extension", "holder", "{\"reason\": \" \"}").status())
                .isEqualTo(422);
        var extended = api.post("/api/holder-requests/" + id + "/extension", "holder",
                "{\"reason\": \"The registry migrates its database this quarter.\"}");
        assertThat(extended.json().get("clock").get("extended").asBoolean()).isTrue();
        assertThat(api.post("/api/holder-requests/" + id + "/extension", "holder", "{\"reason\": \"again\"}")
                .status()).isEqualTo(409);

        assertThat(api.post("/api/holder-requests/" + id + "/receipt", "holder", null).status()).isEqualTo(403);
        var received = api.post("/api/holder-requests/" + id + "/receipt", "reviewer", null);
        assertThat(received.json().get("status").asString()).isEqualTo("DELIVERED");
        assertThat(received.json().get("clock").get("period").asString()).isEqualTo("PROVISION");
    }

    @Test
    void revoking_the_permit_cancels_the_requests_still_waiting_for_a_holder() {
        String application = journeys.granted();
        String permit = api.get("/api/applications/" + application, "alice").json().get("permitId").asString();
        assertThat(api.post("/api/permits/" + permit + "/revocation", "decider",
                "{\"reason\": \"Breach of the conditions.\"}").status()).isEqualTo(200);
        var requests = api.get("/api/applications/" + application + "/holder-requests", "alice");
        assertThat(requests.json().get(0).get("status").asString()).isEqualTo("CANCELLED");
    }
}
