package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * What the clocks do on their own: an application not completed within its 4 weeks lapses; a permit at the end of
 * its validity expires. Time is moved by moving the recorded start of the clock (or the permit's end) into the past.
 */
@GuichetIntegrationTest
class AccessSweepsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationReview review;

    @Autowired
    PermitManagement permits;

    private Api api;
    private AccessJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "SWEEP"));
    }

    @Test
    void an_application_not_completed_within_its_four_weeks_lapses_and_one_still_in_time_does_not() {
        String late = incomplete();
        String inTime = incomplete();
        startedAgo(late, Duration.ofDays(40));
        startedAgo(inTime, Duration.ofDays(10));

        assertThat(review.lapseOverdue()).isGreaterThanOrEqualTo(1);

        var lapsed = api.get("/api/applications/" + late, "alice").json();
        assertThat(lapsed.get("status").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.get("history").get(lapsed.get("history").size() - 1).get("action").asString())
                .isEqualTo("lapse");
        assertThat(api.get("/api/applications/" + inTime, "alice").json().get("status").asString())
                .isEqualTo("AWAITING_ADDITIONAL_INFORMATION");
        assertThat(api.post("/api/applications/" + late + "/submit", "alice", null).status()).isEqualTo(409);
    }

    @Test
    void a_permit_expires_at_the_end_of_its_validity() {
        String permit = journeys.permit();
        jdbc.sql("update permit set valid_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(permit)).update();

        assertThat(permits.expireEnded()).isGreaterThanOrEqualTo(1);

        var expired = api.get("/api/permits/" + permit, "alice").json().get("permit");
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(api.post("/api/permits/" + permit + "/revocation", "decider", "{\"reason\": \"late\"}").status())
                .isEqualTo(409);
    }

    private String incomplete() {
        var draft = api.post("/api/applications", "alice", "{\"kind\": \"DATA_ACCESS\", \"form\": {\"title\": \"x\"}}");
        String id = draft.json().get("id").asString();
        assertThat(api.post("/api/applications/" + id + "/submit", "alice", null).json().get("status").asString())
                .isEqualTo("AWAITING_ADDITIONAL_INFORMATION");
        return id;
    }

    private void startedAgo(String application, Duration ago) {
        jdbc.sql("update application set clock_started_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(ago)), UUID.fromString(application)).update();
    }
}
