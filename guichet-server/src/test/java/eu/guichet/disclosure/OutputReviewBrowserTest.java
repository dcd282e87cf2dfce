package eu.guichet.disclosure;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;
import eu.guichet.workspace.Workspaces;
import eu.guichet.workspace.WorkspaceFixture;

/**
 * The whole journey in a browser: alice runs and saves a query, requests its release; checker1 and checker2 find it
 * in their queue, read the per-cell findings and approve it; alice downloads the released table. bob, not a member,
 * is refused the output. The review page passes axe and is photographed for the docs.
 */
@Tag("e2e")
@GuichetIntegrationTest
class OutputReviewBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @Autowired
    Workspaces workspaces;

    @Test
    void a_researcher_requests_two_checkers_approve_and_the_researcher_downloads() throws Exception {
        OutputFixture f = new OutputFixture(new Api(port), workspaceFixture.open("OUT-BROWSER"));
        Page alice = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(alice, base(), "alice");
        alice.navigate(base() + "/workspaces/" + f.workspace.id());
        alice.locator("#sql").fill("select stay_id, length_of_stay from stays where length_of_stay > 0 or stay_id < 30");
        alice.locator("#run-query").click();
        alice.locator("#name").fill("Stays by length");
        alice.locator("#save-query").click();
        assertThat(alice.locator("#saved-queries")).containsText("Stays by length");

        alice.locator("#workspace-outputs").click();
        alice.locator("#description").fill("Stays of the extract by length of stay in days; a cell counts stays.");
        alice.locator("#dimensions").fill("length_of_stay");
        alice.locator("#contributor").fill("stay_id");
        alice.locator("#request-release").click();
        assertThat(alice.locator("#output-status")).hasText(Texts.en("disclosure.status.CHECKED"));
        assertThat(alice.locator("#cells")).containsText(Texts.en("disclosure.reason.below_threshold"));
        assertThat(alice.locator("#cells thead th")).not().containsText(new String[] {
                Texts.en("disclosure.cells.value") });
        String outputPath = alice.url().substring(alice.url().indexOf("/outputs/"));

        for (String checker : new String[] { "checker1", "checker2" }) {
            Page page = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
            SignIn.as(page, base(), checker);
            page.locator("#header-navigation a").getByText(Texts.en("nav.outputs")).click();
            page.locator("#queue a").getByText("Stays by length").click();
            assertThat(page.locator("#cells thead th").nth(1)).hasText(Texts.en("disclosure.cells.value"));
            assertThat(page.locator("#cells")).containsText(Texts.en("disclosure.reason.secondary"));
            if (checker.equals("checker2")) {
                org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).isEmpty();
                Path shot = Chromium.screenshot(page, "output-review", true);
                Files.copy(shot, Path.of("..", "docs", "screenshots", "output-review.png"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            page.locator("#approve").click();
            assertThat(page.locator("#review-recorded")).isVisible();
        }

        alice.reload();
        assertThat(alice.locator("#output-status")).hasText(Texts.en("disclosure.status.RELEASED"));
        Download download = alice.waitForDownload(() -> alice.locator("#download").click());
        String csv = Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("length_of_stay,count,note")
                .contains("0,,suppressed");

        Page bob = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(bob, base(), "bob");
        org.assertj.core.api.Assertions.assertThat(bob.navigate(base() + outputPath).status()).isEqualTo(404);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
