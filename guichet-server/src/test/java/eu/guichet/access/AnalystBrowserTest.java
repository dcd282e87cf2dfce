package eu.guichet.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;
import eu.guichet.workspace.Workspace;
import eu.guichet.workspace.WorkspaceFixture;
import eu.guichet.workspace.WorkspaceStatus;

/**
 * In the browser, the HDAB analyst's path: signed in, the menu leads to the statistical answers to prepare and to the
 * workspace of the analysis the analyst took, which opens on its console. The analysis's extract is the small
 * {@link WorkspaceFixture} one, announced for the analysis (no delivery needed).
 */
@Tag("e2e")
@GuichetIntegrationTest
class AnalystBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_analyst_finds_the_statistical_answers_and_the_analysis_workspace_in_the_menu() {
        Api api = new Api(port);
        String application = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "BROWSER-ANALYST"))
                .statisticalAnswer();
        assertThat(BrowserSession.signedIn(port, "analyst")
                .submit("/hdab/statistics", "/hdab/statistics/" + application + "/assignment", Map.of())
                .statusCode()).isEqualTo(302);
        PermitId analysis = new PermitId(jdbc.sql("select analysis_id from statistical_answer where application_id = ?")
                .param(UUID.fromString(application)).query(UUID.class).single());
        workspaceFixture.announceExtract(analysis, WorkspaceFixture.TEST_EXTRACT_VERSION);
        Workspace workspace = workspaceFixture.awaitStatus(analysis, WorkspaceStatus.OPEN);

        Page analyst = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(analyst, "http://localhost:" + port, "analyst");
        Locator menu = analyst.locator("#header-navigation");
        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Texts.en("nav.statistics"))).click();
        assertThat(analyst.locator("main h1")).hasText(Texts.en("statistics.heading"));
        assertThat(analyst.locator("#answer-" + application)).containsText(Texts.en("statistics.yours"));
        // the analysis's extract says what it is for (no delivery here: it waits for the data)
        analyst.locator("#analysis-extract-" + application).click();
        assertThat(analyst.locator("#extract-analysis")).containsText(Texts.en("extract.analysis"));
        assertThat(BrowserSession.signedIn(port, "alice").get("/permits/" + analysis + "/extract").statusCode())
                .as("the applicant receives the answer, never the analysis's extract").isEqualTo(404);
        analyst.goBack();

        menu.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Texts.en("nav.workspaces"))).click();
        assertThat(analyst.locator("main h1")).hasText(Texts.en("workspaces.heading"));
        analyst.locator("#workspaces a[href='/workspaces/" + workspace.id() + "']").click();
        assertThat(analyst.locator("main h1")).containsText(analysis.toString());
        assertThat(Axe.seriousViolations(analyst)).as("axe on the analysis's workspace").isEmpty();
    }
}
