package eu.guichet.transparency;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.microsoft.playwright.Page;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.PermitId;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * A visitor reads the public register in the browser (French), filters it, opens an entry and the citizens' view; a
 * permit member declares a result through the form and sees it in the register. axe finds no serious violation.
 * Leaves {@code register.png} and {@code register-entry.png} in {@code target/screenshots/}.
 */
@Tag("e2e")
@GuichetIntegrationTest
class RegisterBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TransparencyRegister register;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_visitor_reads_and_filters_the_register_and_a_member_declares_a_result() {
        UserAccount alice = identity.findUserByUsername("alice").orElseThrow();
        // received now: the register lists the newest first, and other tests of this context add entries
        await().until(() -> jdbc.sql("select count(*) from dataset where identifier = 'FR-SNDS-DCIR' "
                + "and status = 'PUBLISHED'").query(Long.class).single() == 1);
        DatasetId dcir = new DatasetId(jdbc.sql("select id from dataset where identifier = 'FR-SNDS-DCIR'")
                .query(UUID.class).single());
        ApplicationId application = ApplicationId.random();
        PermitId permit = PermitId.random();
        transactions.executeWithoutResult(s -> RegisterEvents.receivedAndGranted(events, application, permit,
                alice.organisationId().orElseThrow(), dcir, alice.id(), Instant.now()));
        await().until(() -> register.findEntry(application).flatMap(RegisterEntry::permit).isPresent());

        Page visitor = chromium.newContext(Axe.contextOptions("fr-FR")).newPage();
        visitor.navigate(base() + "/");
        visitor.locator("#header-navigation a").getByText(Texts.fr("nav.register")).click();
        assertThat(visitor.locator("main h1")).hasText(Texts.fr("register.heading"));
        assertThat(visitor.locator("#entry-" + application)).containsText("Matrix study of care pathways");
        assertThat(visitor.locator("#entry-" + application)).containsText(Texts.fr("register.outcome.GRANTED"));
        assertThat(Axe.seriousViolations(visitor)).as("axe on the register").isEmpty();
        Chromium.screenshot(visitor, "register", true);

        visitor.locator("#filter-purpose").selectOption("c");
        visitor.locator("#apply-register-filters").click();
        assertThat(visitor.locator("#entry-" + application)).hasCount(0);
        visitor.locator("#filter-purpose").selectOption("e");
        visitor.locator("#filter-dataset").selectOption(dcir.toString());
        visitor.locator("#apply-register-filters").click();
        visitor.locator("#entry-" + application + " a").click();

        assertThat(visitor.locator("main h1")).hasText("Matrix study of care pathways");
        assertThat(visitor.locator("#decision-outcome")).hasText(Texts.fr("register.outcome.GRANTED"));
        assertThat(visitor.locator("#decision-justification"))
                .hasText("Necessary and proportionate for the stated purpose.");
        assertThat(visitor.locator("#permit-status")).hasText(Texts.fr("register.permit_status.GRANTED"));
        assertThat(Axe.seriousViolations(visitor)).as("axe on an entry").isEmpty();
        Chromium.screenshot(visitor, "register-entry", true);

        visitor.navigate(base() + "/register/datasets");
        assertThat(visitor.locator("main")).containsText("Matrix study of care pathways");
        assertThat(visitor.locator("main")).not().containsText(alice.displayName());
        assertThat(Axe.seriousViolations(visitor)).as("axe on the citizens' view").isEmpty();

        Page member = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(member, base(), "alice");
        member.navigate(base() + "/register/permits/" + permit + "/results");
        member.locator("#result-title").fill("Care pathways in the DCIR, 2026");
        member.locator("#result-reference").fill("not a reference");
        member.locator("#result-date").fill("2026-02-10");
        member.locator("#declare-result").click();
        assertThat(member.locator("#result-reference-messages"))
                .containsText(Texts.en("problem.transparency.result_reference_invalid"));
        assertThat(Axe.seriousViolations(member)).as("axe on the result form with errors").isEmpty();
        member.locator("#result-reference").fill("10.1234/dcir.2026");
        member.locator("#declare-result").click();
        assertThat(member.locator("main [role=status]")).hasText(Texts.en("register.results.declared"));
        assertThat(member.locator("#results")).containsText("Care pathways in the DCIR, 2026");
        assertThat(register.getPermit(permit).results()).hasSize(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
