package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DescriptionsAsJson;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Texts;

/**
 * The access pages as served HTML, without a browser: each page renders at each point of the procedure, and the
 * pages refuse what the façade refuses with the refusal's code — a save on a stale revision (the posted values come
 * back, nothing is lost), a decision by the reviewer who accepted the application (separation of duties).
 */
@GuichetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPagesTest {

    private static final Pattern REVISION = Pattern.compile("name=\"revision\" value=\"(\\d+)\"");

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    private Api api;
    private AccessJourneys journeys;

    @BeforeAll
    void publishADataset() {
        api = new Api(port);
        var created = api.post("/api/catalogue/datasets", "holder",
                DescriptionsAsJson.aValidNonPublicDataset("PAGES-" + java.util.UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/catalogue/datasets/" + id + "/transitions", "holder", "{\"action\": \"submit\"}")
                .status()).isEqualTo(200);
        assertThat(api.post("/api/catalogue/datasets/" + id + "/publish", "reviewer", null).status()).isEqualTo(200);
        journeys = new AccessJourneys(api, DatasetId.parse(id));
    }

    @Test
    void every_page_renders_at_each_point_of_the_procedure() {
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        BrowserSession reviewer = BrowserSession.signedIn(port, "reviewer");
        BrowserSession decider = BrowserSession.signedIn(port, "decider");
        String draft = journeys.draft();
        for (int step = 1; step <= 5; step++) {
            assertOk(alice.get("/applications/" + draft + "/edit?step=" + step), "step " + step);
        }
        assertThat(alice.get("/applications/" + draft + "/edit?step=5").body())
                .contains("id=\"preview-clear\"").contains("id=\"fees-total\"");
        String refused = journeys.refused();
        String permit = journeys.permit();
        String withPermit = api.get("/api/permits/" + permit, "alice").json().get("permit").get("applicationId")
                .asString();
        assertThat(assertOk(alice.get("/applications"), "my applications")).contains(draft).contains(refused);
        assertThat(assertOk(alice.get("/applications/" + refused), "refused")).contains("id=\"decision-sha256\"");
        assertThat(assertOk(alice.get("/applications/" + withPermit), "granted")).contains("/permits/" + permit);
        HttpResponse<String> document = alice.get("/applications/" + refused + "/decision");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(assertOk(alice.get("/permits"), "permits")).contains(permit);
        assertThat(assertOk(alice.get("/permits/" + permit), "permit")).contains("id=\"ask-extension\"")
                .doesNotContain("id=\"revoke\"");
        assertThat(assertOk(decider.get("/permits/" + permit), "permit as decider")).contains("id=\"revoke\"");
        String screened = journeys.screened();
        assertThat(assertOk(reviewer.get("/hdab/applications"), "queue")).contains(screened);
        assertThat(assertOk(reviewer.get("/hdab/applications/" + screened), "assessment page"))
                .contains("id=\"move-accept\"").doesNotContain("id=\"decision-form\"");
        assertThat(assertOk(decider.get("/hdab/applications/" + journeys.assessed()), "decision page"))
                .contains("id=\"decision-form\"").doesNotContain("id=\"assessment-form\"");
    }

    @Test
    void a_save_on_a_stale_revision_is_refused_and_the_posted_values_come_back() {
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        String id = journeys.draft();
        HttpResponse<String> opened = alice.get("/applications/" + id + "/edit?step=1");
        String revision = revisionIn(opened.body());

        var meanwhile = api.put("/api/applications/" + id, "alice", "{\"revision\": " + revision
                + ", \"form\": " + ApplicationForms.aCompleteForm().json() + "}");
        assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);

        Map<String, String> mine = Map.of("revision", revision, "title", "My own title, typed before",
                "summary", "My own summary", "go", "next");
        HttpResponse<String> refused = alice.submit("/applications/" + id + "/edit?step=1",
                "/applications/" + id + "/edit?step=1", mine);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("access.stale_revision").contains(Texts.fr("problem.access.stale_revision"))
                .contains("value=\"My own title, typed before\"").contains("My own summary");
        String current = revisionIn(refused.body());
        assertThat(Integer.parseInt(current)).isEqualTo(Integer.parseInt(revision) + 1);
        assertThat(api.get("/api/applications/" + id, "alice").json().get("form").get("title").asString())
                .isEqualTo("Outcomes of type 2 diabetes care");

        HttpResponse<String> again = alice.submit("/applications/" + id + "/edit?step=1",
                "/applications/" + id + "/edit?step=1", Map.of("revision", current, "title",
                        "My own title, typed before", "go", "next"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/edit?step=2");
        assertThat(api.get("/api/applications/" + id, "alice").json().get("form").get("title").asString())
                .isEqualTo("My own title, typed before");
    }

    @Test
    void the_reviewer_who_accepted_an_application_may_not_decide_it_and_the_page_says_why() {
        String both = "revdec" + System.nanoTime() % 100000;
        var created = api.post("/api/users", "admin", """
                {"username": "%s", "displayName": "Dual Role", "organisationId": "%s",
                 "roles": ["HDAB_REVIEWER", "HDAB_DECIDER"], "password": "%s"}""".formatted(both,
                identity.findUserByUsername("reviewer").orElseThrow().organisationId().orElseThrow(),
                Api.DEMO_PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        BrowserSession dual = BrowserSession.signedIn(port, both);
        String id = journeys.screened();
        String page = "/hdab/applications/" + id;

        HttpResponse<String> accepted = dual.submit(page, page + "/transitions", Map.of("action", "accept"));
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(dual.get(page).body()).contains("id=\"moved\"").contains("id=\"assessment-form\"");

        HttpResponse<String> decided = dual.submit(page, page + "/decision", Map.of("outcome", "GRANTED",
                "justification", "I assessed it myself."));
        assertThat(decided.statusCode()).isEqualTo(302);
        String after = dual.get(page).body();
        assertThat(after).contains("role=\"alert\"").contains("access.transition_not_yours")
                .contains(Texts.fr("problem.access.transition_not_yours"));
        assertThat(api.get("/api/applications/" + id, "reviewer").json().get("status").asString())
                .isEqualTo("PROCESSING");

        BrowserSession reviewer = BrowserSession.signedIn(port, "reviewer");
        assertThat(reviewer.submit("/hdab/applications", page + "/decision", Map.of("outcome", "GRANTED",
                "justification", "Not mine to decide.")).statusCode()).isEqualTo(403);
        assertThat(reviewer.submit("/hdab/applications", page + "/assessment", Map.of("recommendation",
                "GRANTED")).statusCode()).isEqualTo(302);
        assertThat(reviewer.get(page).body()).contains("access.not_assessor");
    }

    @Test
    void an_application_that_is_not_editable_sends_the_applicant_back_with_the_reason() {
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        String id = journeys.screened();
        HttpResponse<String> edit = alice.get("/applications/" + id + "/edit?step=1");
        assertThat(edit.statusCode()).isEqualTo(302);
        assertThat(alice.get("/applications/" + id).body()).contains("access.not_editable");
        HttpResponse<String> withdraw = alice.submit("/applications/" + id, "/applications/" + id + "/withdraw",
                Map.of());
        assertThat(withdraw.statusCode()).isEqualTo(302);
        assertThat(alice.get("/applications/" + id).body()).contains("access.withdrawal_not_confirmed");
        assertThat(List.of(api.get("/api/applications/" + id, "alice").json().get("status").asString()))
                .containsExactly("PRE_SCREENING");
    }

    @Test
    void the_reviewer_asks_a_question_and_the_applicant_answers_it_on_the_application_page() {
        BrowserSession reviewer = BrowserSession.signedIn(port, "reviewer");
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        String id = journeys.processing();
        String hdab = "/hdab/applications/" + id;
        assertThat(reviewer.submit(hdab, hdab + "/transitions", Map.of("action", "ask_clarification", "reason",
                "Which regions exactly?")).statusCode()).isEqualTo(302);
        String page = alice.get("/applications/" + id).body();
        assertThat(page).contains("Which regions exactly?").contains("id=\"answer-form\"")
                .doesNotContain("id=\"submit\"");
        assertThat(alice.submit("/applications/" + id, "/applications/" + id + "/answer", Map.of("answer",
                "Île-de-France only.")).statusCode()).isEqualTo(302);
        assertThat(alice.get("/applications/" + id).body()).contains("id=\"moved\"").contains("Île-de-France only.")
                .doesNotContain("id=\"answer-form\"");
        assertThat(api.get("/api/applications/" + id, "alice").json().get("status").asString())
                .isEqualTo("PROCESSING");
    }

    @Test
    void a_data_request_skips_the_team_and_asks_for_the_statistics() {
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        HttpResponse<String> created = alice.submit("/applications", "/applications",
                Map.of("kind", "DATA_REQUEST", "fromBasket", "false"));
        assertThat(created.statusCode()).isEqualTo(302);
        String edit = created.headers().firstValue("Location").orElseThrow();
        String id = edit.replaceAll(".*/applications/([0-9a-f-]{36})/edit.*", "$1");
        assertThat(assertOk(alice.get("/applications/" + id + "/edit?step=1"), "step 1"))
                .contains("name=\"requestedStatistics\"").doesNotContain("name=\"applicantFunctions\"")
                .contains(Texts.fr("applications.step.state", 1, 4));
        assertThat(assertOk(alice.get("/applications/" + id + "/edit?step=2"), "no team step"))
                .contains("name=\"title\"").doesNotContain("name=\"memberUsername\"");
        assertThat(assertOk(alice.get("/applications/" + id + "/edit?step=3"), "step 3"))
                .doesNotContain("name=\"dataForm\"");
        assertThat(assertOk(alice.get("/applications/" + id + "/edit?step=4"), "step 4"))
                .contains("name=\"noProhibitedUse\"").doesNotContain("name=\"legalBasis\"");
        assertThat(assertOk(alice.get("/applications/" + id + "/edit?step=5"), "review"))
                .contains(Texts.fr("screening.missing_requested_statistics"))
                .doesNotContain(Texts.fr("screening.missing_team"));
    }

    private static String assertOk(HttpResponse<String> page, String what) {
        assertThat(page.statusCode()).as(what + ": " + page.body()).isEqualTo(200);
        assertThat(page.body()).as(what).doesNotContain("guichet-error");
        return page.body();
    }

    private static String revisionIn(String html) {
        Matcher m = REVISION.matcher(html);
        assertThat(m.find()).as("a revision field in the form").isTrue();
        return m.group(1);
    }
}
