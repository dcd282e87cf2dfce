package eu.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;


import eu.guichet.identity.IdentityManagement;
import eu.guichet.notification.internal.OutboxDrain;
import eu.guichet.security.UserId;
import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Mailbox;

/**
 * Notifications go out by e-mail through a real SMTP server (GreenMail, in process): written to the outbox in the
 * caller's transaction, sent by the drain, retried after a failure with the attempts and the last error recorded,
 * given up after the configured number of attempts; a rolled-back change sends nothing.
 */
@GuichetIntegrationTest
class NotificationMailTest {

    @RegisterExtension
    static final Mailbox MAIL = new Mailbox();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        MAIL.register(properties);
        // given up after 3 attempts
        properties.add("guichet.notification.max-attempts", () -> "3");
        properties.add("guichet.notification.base-url", () -> "https://guichet.example.org/");
    }

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDrain drain;

    @Autowired
    IdentityManagement identity;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_notice_reaches_the_user_in_the_application_and_by_e_mail() throws Exception {
        String link = "/register/" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> notifications.notify(alice(),
                Notice.of("test.hello", "notifications.due", link, "2027-03-01")
                        .due(java.time.Instant.parse("2027-03-01T10:00:00Z"))));
        assertThat(outboxRow(link)).containsEntry("status", "PENDING");

        drain.drain();

        MimeMessage mail = received(link);
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
                .containsExactly("alice@demo.guichet.invalid");
        assertThat(mail.getSubject()).isEqualTo("échéance le 2027-03-01 / due on 2027-03-01");
        assertThat(Mailbox.text(mail)).contains("https://guichet.example.org" + link)
                .contains("Ce message a été envoyé automatiquement").contains("sent automatically by Guichet")
                .contains("Échéance : 1 mars 2027").contains("Due date: 1 March 2027");
        assertThat(outboxRow(link)).containsEntry("status", "SENT").containsEntry("attempts", 1);

        var listed = new Api(port).send("GET", "/api/notifications", "alice", null, Map.of("Accept-Language", "en"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(link).contains("due on 2027-03-01");
        assertThat(new Api(port).get("/api/notifications", "bob").body()).doesNotContain(link);
    }

    @Test
    void the_recipient_reads_the_notice_on_its_page_with_the_unread_count_in_the_header_and_marks_it_read() {
        UserId bob = identity.findUserByUsername("bob").orElseThrow().id();
        String link = "/register/" + UUID.randomUUID();
        NotificationId id = transactions.execute(s -> notifications.notify(bob,
                Notice.of("test.page", "notifications.due", link, "2027-04-01")));
        BrowserSession browser = BrowserSession.signedIn(port, "bob");
        String page = browser.get("/notifications?lang=en").body();
        assertThat(page).contains("href=\"" + link + "\"").contains("due on 2027-04-01")
                .containsPattern("My notifications \\(\\d+ unread\\)");

        Api api = new Api(port);
        assertThat(api.post("/api/notifications/" + id + "/read", "alice", null).status()).isEqualTo(403);
        var read = api.post("/api/notifications/" + id + "/read", "bob", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("readAt").isNull()).isFalse();
        assertThat(browser.get("/notifications").body()).doesNotContain("/notifications/" + id + "/read");
        drain.drain(); // leaves no pending e-mail for the other tests
    }

    @Test
    void a_rolled_back_change_leaves_no_notification_and_no_e_mail() {
        String link = "/register/" + UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
            notifications.notify(alice(), Notice.of("test.rolled_back", "notifications.due", link, "2027-03-01"));
            throw new IllegalStateException("the change fails after notifying");
        })).hasMessageContaining("the change fails");
        assertThat(jdbc.sql("select count(*) from notification where link = ?").param(link).query(Integer.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where body like ?").param("%" + link + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void notifying_needs_the_callers_transaction() {
        assertThatThrownBy(() -> notifications.notify(alice(),
                Notice.of("test.no_transaction", "notifications.due", "/notifications", "2027-03-01")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void a_failed_send_is_recorded_and_retried() throws Exception {
        String link = "/register/" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> notifications.notify(alice(),
                Notice.of("test.retried", "notifications.due", link, "2027-03-01")));
        MAIL.close();
        try {
            assertThat(drain.drain()).isZero();
        } finally {
            MAIL.open();
        }
        Map<String, Object> failed = outboxRow(link);
        assertThat(failed).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) failed.get("last_error")).isNotBlank();

        assertThat(drain.drain()).isPositive();
        assertThat(outboxRow(link)).containsEntry("status", "SENT").containsEntry("attempts", 2);
        assertThat(received(link).getSubject()).contains("due on 2027-03-01");
    }

    @Test
    void an_e_mail_that_keeps_failing_is_given_up_after_the_last_attempt() {
        String link = "/register/" + UUID.randomUUID();
        transactions.executeWithoutResult(s -> notifications.notify(alice(),
                Notice.of("test.given_up", "notifications.due", link, "2027-03-01")));
        MAIL.close();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                drain.drain();
                assertThat(outboxRow(link)).containsEntry("attempts", attempt);
            }
        } finally {
            MAIL.open();
        }
        assertThat(outboxRow(link)).containsEntry("status", "FAILED");
        drain.drain();
        assertThat(outboxRow(link)).containsEntry("status", "FAILED").containsEntry("attempts", 3);
        assertThat(MAIL.received(text -> text.contains(link))).isEmpty();
    }

    private MimeMessage received(String link) {
        List<MimeMessage> matching = MAIL.received(text -> text.contains(link));
        assertThat(matching).as("e-mails received with %s", link).hasSize(1);
        return matching.get(0);
    }

    private Map<String, Object> outboxRow(String link) {
        return jdbc.sql("select status, attempts, last_error from mail_outbox where body like ?")
                .param("%" + link + "%").query().singleRow();
    }

    private UserId alice() {
        return identity.findUserByUsername("alice").orElseThrow().id();
    }
}
