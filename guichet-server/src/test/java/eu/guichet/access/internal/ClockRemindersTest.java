package eu.guichet.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import eu.guichet.access.AccessJourneys;
import eu.guichet.notification.internal.OutboxDrain;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Mailbox;

/**
 * Reminders about running clocks reach people by e-mail (a real SMTP server, GreenMail, in process), once per deadline:
 * the injected clock is moved forward to a few days before a deadline, the sweep runs (twice: still one e-mail), and
 * again past the deadline for the decision's overdue reminder.
 */
@GuichetIntegrationTest
class ClockRemindersTest {

    @RegisterExtension
    static final Mailbox MAIL = new Mailbox();

    /** The application's "now", moved forward by the tests (never back). */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void moveTo(Instant at) {
            now.accumulateAndGet(at, (a, b) -> a.isAfter(b) ? a : b);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(instant(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        MAIL.register(properties);
        properties.add("guichet.access.sweep-interval", () -> "1h");
    }

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    AccessSweeps sweeps;

    @Autowired
    OutboxDrain drain;

    private Api api;
    private AccessJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "REMIND"));
    }

    @Test
    void reviewers_and_deciders_are_reminded_once_before_the_decision_is_due_and_once_when_it_is_overdue()
            throws Exception {
        String id = journeys.processing();
        Instant due = Instant.parse(api.get("/api/applications/" + id, "alice").json().get("dueAt").asString());
        String link = "/hdab/applications/" + id;

        clock.moveTo(due.minus(Duration.ofDays(3)));
        sweepTwice();
        List<MimeMessage> dueSoon = received(link, "” due by");
        assertThat(dueSoon).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("reviewer@demo.guichet.invalid", "decider@demo.guichet.invalid");
        assertThat(dueSoon.get(0).getSubject()).startsWith("Décision sur « ").contains(" attendue au plus tard le ")
                .contains(" / Decision on “");
        assertThat(Mailbox.text(dueSoon.get(0))).contains("http://localhost:8080" + link).contains("Due date:");

        clock.moveTo(due.plus(Duration.ofDays(1)));
        sweepTwice();
        assertThat(received(link, "Overdue: the decision")).extracting(Mailbox::recipient)
                .containsExactlyInAnyOrder("reviewer@demo.guichet.invalid", "decider@demo.guichet.invalid");
        assertThat(received(link, "” due by")).hasSize(2);
    }

    @Test
    void the_applicant_is_reminded_once_a_few_days_before_the_four_weeks_to_complete_end() {
        var draft = api.post("/api/applications", "alice", "{\"kind\": \"DATA_ACCESS\", \"form\": {\"title\": \"x\"}}");
        String id = draft.json().get("id").asString();
        var submitted = api.post("/api/applications/" + id + "/submit", "alice", null).json();
        assertThat(submitted.get("status").asString()).isEqualTo("AWAITING_ADDITIONAL_INFORMATION");
        Instant due = Instant.parse(submitted.get("dueAt").asString());
        String link = "/applications/" + id;
        drain.drain();
        assertThat(received(link, "is incomplete")).extracting(Mailbox::recipient)
                .containsExactly("alice@demo.guichet.invalid");

        clock.moveTo(due.minus(Duration.ofDays(3)));
        sweepTwice();
        List<MimeMessage> reminders = received(link, "Complete your application");
        assertThat(reminders).extracting(Mailbox::recipient).containsExactly("alice@demo.guichet.invalid");
        assertThat(Mailbox.text(reminders.get(0))).contains("Complétez votre demande « x » au plus tard le ")
                .contains(", or it lapses.");
    }

    @Test
    void the_holder_is_reminded_once_two_weeks_before_its_delivery_is_due() {
        String request = journeys.dataRequest();
        var requests = api.get("/api/holder-requests", "holder").json();
        Instant due = null;
        for (var r : requests) {
            if (r.get("id").asString().equals(request)) {
                due = Instant.parse(r.get("clock").get("dueAt").asString());
            }
        }
        assertThat(due).as("the holder sees its data request").isNotNull();

        clock.moveTo(due.minus(Duration.ofDays(3)));
        sweepTwice();
        assertThat(received("/holder/requests", "deliver it or ask for an extension"))
                .extracting(Mailbox::recipient).contains("holder@demo.guichet.invalid");
        int before = received("/holder/requests", "deliver it or ask for an extension").size();
        sweepTwice();
        assertThat(received("/holder/requests", "deliver it or ask for an extension")).hasSize(before);
    }

    private void sweepTwice() {
        sweeps.sweep();
        drain.drain();
        sweeps.sweep();
        drain.drain();
    }

    /** The e-mails received whose body names {@code link} and contains {@code text}. */
    private static List<MimeMessage> received(String link, String text) {
        return MAIL.received(body -> body.contains(link + "\n") && body.contains(text));
    }
}
