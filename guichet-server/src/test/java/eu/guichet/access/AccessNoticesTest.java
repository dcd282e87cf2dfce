package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Who is told what during the procedure (the in-app notifications; the e-mails are the same notices, see
 * {@code ClockRemindersTest}): the applicant at every move of their application and of their permit, the reviewers
 * of a new application, the decider of a finished assessment, the holder of a consultation and of a data request.
 */
@GuichetIntegrationTest
class AccessNoticesTest {

    @LocalServerPort
    int port;

    private Api api;
    private AccessJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "NOTICE"));
    }

    @Test
    void the_applicant_hears_of_every_step_up_to_the_permit_and_staff_of_what_they_must_do() {
        String application = journeys.granted();
        String permit = api.get("/api/applications/" + application, "alice").json().get("permitId").asString();

        List<String> alice = notices("alice", "/applications/" + application);
        assertThat(alice).anyMatch(n -> n.contains("was received; it is being screened"))
                .anyMatch(n -> n.contains("is complete and being assessed; decision due by 20"))
                .anyMatch(n -> n.contains("”: granted."));
        assertThat(notices("alice", "/permits/" + permit)).singleElement().asString()
                .startsWith("Permit granted for “").contains("valid until 20");
        assertThat(notices("reviewer", "/hdab/applications/" + application)).singleElement().asString()
                .startsWith("New application to pre-screen");
        assertThat(notices("decider", "/hdab/applications/" + application)).singleElement().asString()
                .startsWith("Assessment ready, to decide");
        assertThat(notices("holder", "/holder/requests")).anyMatch(n -> n.contains("the HDAB asks you for the data"));
        assertThat(notices("bob", "/applications/" + application)).isEmpty();

        assertThat(api.post("/api/permits/" + permit + "/revocation", "decider", "{\"reason\": \"Breach.\"}").status())
                .isEqualTo(200);
        assertThat(notices("alice", "/permits/" + permit)).anyMatch(n -> n.endsWith("was revoked: Breach."));
    }

    @Test
    void an_incomplete_application_tells_what_is_missing_and_a_question_reaches_the_applicant() {
        var draft = api.post("/api/applications", "alice", "{\"kind\": \"DATA_ACCESS\", \"form\": {\"title\": \"x\"}}");
        String id = draft.json().get("id").asString();
        api.post("/api/applications/" + id + "/submit", "alice", null);
        assertThat(notices("alice", "/applications/" + id)).anyMatch(n -> n.startsWith("Your application “x” is "
                + "incomplete: ") && n.contains("summary") && n.endsWith("Complete it within 4 weeks or it lapses."));

        String processing = journeys.processing();
        assertThat(api.post("/api/applications/" + processing + "/transitions", "reviewer",
                "{\"action\": \"ask_clarification\", \"reason\": \"Which years exactly?\"}").status()).isEqualTo(200);
        assertThat(notices("alice", "/applications/" + processing))
                .anyMatch(n -> n.startsWith("The HDAB asks a question about “") && n.endsWith("Which years exactly?"));
        assertThat(api.post("/api/applications/" + processing + "/transitions", "alice",
                "{\"action\": \"answer\", \"reason\": \"2019 to 2024.\"}").status()).isEqualTo(200);
        assertThat(notices("reviewer", "/hdab/applications/" + processing))
                .anyMatch(n -> n.startsWith("The applicant answered your question"));
    }

    @Test
    void the_holder_is_told_when_the_hdab_consults_it() {
        journeys.consultation();
        assertThat(notices("holder", "/holder/requests"))
                .anyMatch(n -> n.startsWith("The HDAB consults you about “") && n.contains("cost estimate"));
    }

    /** The texts (in English) of the user's notifications that lead to {@code link}. */
    private List<String> notices(String user, String link) {
        var listed = api.send("GET", "/api/notifications", user, null, Map.of("Accept-Language", "en"));
        assertThat(listed.status()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        for (var n : listed.json().get("notifications")) {
            if (n.get("link").asString().equals(link)) {
                texts.add(n.get("message").asString());
            }
        }
        return texts;
    }
}
