package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * The holder's requests page (answer a consultation, extend a delivery; HDAB staff record the receipt) and the
 * analysts' queue of statistical answers (take one in preparation, audited; released only by output control through
 * {@link StatisticalAnswers#answered}), as served HTML.
 */
@GuichetIntegrationTest
class HolderAndStatisticsPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    StatisticalAnswers statisticalAnswers;

    @Autowired
    JdbcClient jdbc;

    private Api api;
    private AccessJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "HOLDERPAGE"));
    }

    @Test
    void the_holder_answers_a_consultation_and_extends_a_delivery_on_its_page_and_the_hdab_records_the_receipt() {
        String consultation = journeys.consultation();
        BrowserSession holder = BrowserSession.signedIn(port, "holder");
        String page = holder.get("/holder/requests?lang=en").body();
        assertThat(page).contains("id=\"request-" + consultation + "\"").contains("Consultation")
                .contains("action=\"/holder/requests/" + consultation + "/answer\"");

        var answered = holder.submit("/holder/requests", "/holder/requests/" + consultation + "/answer",
                Map.of("costEstimate", "1200,50", "feasibility", "Feasible within 2 months."));
        assertThat(answered.statusCode()).isEqualTo(302);
        String after = holder.get("/holder/requests?lang=en").body();
        assertThat(after).contains("Your answer is sent to the HDAB.").contains("1200.50 €")
                .contains("Feasible within 2 months.")
                .doesNotContain("action=\"/holder/requests/" + consultation + "/answer\"");

        var refused = holder.submit("/holder/requests", "/holder/requests/" + consultation + "/answer",
                Map.of("costEstimate", "10"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(holder.get("/holder/requests?lang=en").body()).contains("access.holder_request_closed");

        String data = journeys.dataRequest();
        assertThat(holder.submit("/holder/requests", "/holder/requests/" + data + "/extension",
                Map.of("reason", "Migration of our warehouse.")).statusCode()).isEqualTo(302);
        assertThat(holder.get("/holder/requests?lang=en").body()).contains("The delivery period is extended once.")
                .doesNotContain("action=\"/holder/requests/" + data + "/extension\"");

        BrowserSession reviewer = BrowserSession.signedIn(port, "reviewer");
        assertThat(reviewer.get("/holder/requests?lang=en").body())
                .contains("action=\"/holder/requests/" + data + "/receipt\"")
                .doesNotContain("action=\"/holder/requests/" + consultation + "/answer\"");
        assertThat(reviewer.submit("/holder/requests", "/holder/requests/" + data + "/receipt", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(api.get("/api/holder-requests", "holder").body()).contains("DELIVERED");
    }

    @Test
    void a_statistical_answer_queues_for_the_analysts_who_take_it_and_output_control_releases_it() {
        String application = journeys.statisticalAnswer();
        BrowserSession analyst = BrowserSession.signedIn(port, "analyst");
        String queue = analyst.get("/hdab/statistics?lang=en").body();
        assertThat(queue).contains("id=\"answer-" + application + "\"")
                .contains("Statistical answer instead of a permit (Art. 68(3))").contains("Waiting for an analyst");
        assertThat(notices("analyst")).anyMatch(n -> n.startsWith("A statistical answer to prepare"));

        assertThat(analyst.submit("/hdab/statistics", "/hdab/statistics/" + application + "/assignment", Map.of())
                .statusCode()).isEqualTo(302);
        assertThat(analyst.get("/hdab/statistics?lang=en").body()).contains("The answer is yours to prepare.")
                .contains("In preparation").contains("by Anatole Analyst").contains("You prepare it");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'access.statistical_answer_assigned' "
                + "and object_id = ?").param(application).query(Integer.class).single()).isEqualTo(1);
        assertThat(BrowserSession.signedIn(port, "reviewer").get("/hdab/statistics").statusCode()).isEqualTo(403);

        var released = statisticalAnswers.answered(ApplicationId.parse(application), "OUT-2027-0042");
        assertThat(released.status()).isEqualTo(StatisticalAnswer.Status.ANSWERED);
        assertThat(analyst.get("/hdab/statistics").body()).doesNotContain("id=\"answer-" + application + "\"");
        assertThatThrownBy(() -> statisticalAnswers.answered(ApplicationId.parse(application), "OUT-2"))
                .isInstanceOf(InvalidTransitionException.class);
        var alice = api.send("GET", "/api/notifications", "alice", null, Map.of("Accept-Language", "en"));
        assertThat(alice.body()).contains("/applications/" + application).contains("is released");
    }

    private java.util.List<String> notices(String user) {
        var listed = api.send("GET", "/api/notifications", user, null, Map.of("Accept-Language", "en"));
        java.util.List<String> texts = new java.util.ArrayList<>();
        listed.json().get("notifications").forEach(n -> texts.add(n.get("message").asString()));
        return texts;
    }
}
