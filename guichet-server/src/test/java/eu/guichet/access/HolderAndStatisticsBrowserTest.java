package eu.guichet.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * In the browser: the holder opens its requests from the menu and answers a consultation with its cost estimate; the
 * analyst opens the statistical answers from the menu and takes one. Axe checks both pages; their screenshots go to
 * target/screenshots (copied into docs/screenshots).
 */
@Tag("e2e")
@GuichetIntegrationTest
class HolderAndStatisticsBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void the_holder_answers_a_consultation_and_the_analyst_takes_a_statistical_answer() {
        Api api = new Api(port);
        AccessJourneys journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "BROWSER-HOLDER"));
        String consultation = journeys.consultation();
        String statistical = journeys.statisticalAnswer();

        Page holder = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(holder, base(), "holder");
        holder.locator("#header-navigation").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(Texts.en("nav.holder_requests")))
                .click();
        assertThat(holder.locator("main h1")).hasText(Texts.en("holder_requests.heading"));
        var request = holder.locator("#request-" + consultation);
        request.locator("input[name=costEstimate]").fill("1200.50");
        request.locator("textarea[name=feasibility]").fill("Feasible within 2 months.");
        Chromium.screenshot(holder, "holder-requests", true);
        assertThat(Axe.seriousViolations(holder)).as("axe on the holder's requests").isEmpty();
        request.locator("button[type=submit]").click();
        assertThat(holder.locator("#moved")).hasText(Texts.en("applications.moved.holder_answered"));
        assertThat(holder.locator("#request-" + consultation)).containsText("1200.50 €");

        Page analyst = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(analyst, base(), "analyst");
        analyst.locator("#header-navigation").getByRole(AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(Texts.en("nav.statistics"))).click();
        var row = analyst.locator("#answer-" + statistical);
        assertThat(row).containsText(Texts.en("statistics.status.QUEUED"));
        row.locator("button[type=submit]").click();
        assertThat(analyst.locator("#moved")).hasText(Texts.en("applications.moved.statistics_assigned"));
        assertThat(analyst.locator("#answer-" + statistical)).containsText(Texts.en("statistics.yours"));
        Chromium.screenshot(analyst, "statistics", true);
        assertThat(Axe.seriousViolations(analyst)).as("axe on the statistical answers").isEmpty();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
