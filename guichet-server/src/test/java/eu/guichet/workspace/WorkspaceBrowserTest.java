package eu.guichet.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * The workspace console in a browser: a member opens their workspace from the menu, runs a query and reads the
 * results grid (a preview: 100 of 250 rows), saves the query and finds it in the list, and the history. The page
 * passes axe and is photographed for the docs.
 */
@Tag("e2e")
@GuichetIntegrationTest
class WorkspaceBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @RegisterExtension
    final WorkspaceFixture workspaceFixture = new WorkspaceFixture();

    @Test
    void a_member_runs_a_query_and_reads_the_results_grid() throws IOException {
        Workspace workspace = workspaceFixture.open("WS-BROWSER");
        Page page = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(page, base(), "alice");
        page.locator("#header-navigation a").getByText(Texts.en("nav.workspaces")).click();
        page.locator("#workspaces a").getByText(workspace.permitId().toString()).click();
        assertThat(page.locator("#workspace-status")).hasText(Texts.en("workspace.status.OPEN"));
        assertThat(page.locator("#workspace-tables")).containsText("extract.stays");

        page.locator("#sql").fill("select stay_id, length_of_stay, pseudonym\n  from stays join patients using (patient_id)\n"
                + " order by stay_id");
        page.locator("#run-query").click();

        assertThat(page.locator("#results thead th")).hasText(new String[] { "stay_id", "length_of_stay", "pseudonym" });
        assertThat(page.locator("#results tbody tr")).hasCount(100);
        assertThat(page.locator("#results tbody tr").first()).containsText("P0002");
        assertThat(page.locator("#results-summary")).containsText("100 of 250 rows shown");
        assertThat(page.locator("a[download], a[href$='.csv']")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).isEmpty();
        assertThat(page.locator("main .fr-alert--error")).hasCount(0);

        page.locator("#name").fill("Stays with pseudonyms");
        page.locator("#save-query").click();
        assertThat(page.locator("#saved-queries")).containsText("Stays with pseudonyms");
        assertThat(page.locator("#sql")).hasValue(
                "select stay_id, length_of_stay, pseudonym\n  from stays join patients using (patient_id)\n order by stay_id");
        assertThat(page.locator("#history")).containsText("from stays join patients");

        page.locator("#sql").fill("select length_of_stay, count(*) as stays\n  from stays group by 1 order by 1");
        page.locator("#run-query").click();
        assertThat(page.locator("#results tbody tr")).hasCount(7);
        Path shot = Chromium.screenshot(page, "workspace", true);
        Files.copy(shot, Path.of("..", "docs", "screenshots", "workspace.png"), StandardCopyOption.REPLACE_EXISTING);

        page.locator("#sql").fill("select * from read_csv('/etc/passwd')");
        page.locator("#run-query").click();
        assertThat(page.locator("#workspace-refusal code")).hasText("workspace.query_refused");
        assertThat(page.locator("#engine-message")).containsText("file system operations are disabled");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
