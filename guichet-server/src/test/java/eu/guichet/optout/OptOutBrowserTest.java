package eu.guichet.optout;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * A citizen opens their opt-out page from the menu, opts out (confirming), sees the status and history, then
 * withdraws; the HDAB administrator uploads a file of national identifiers and reads the report. Both pages pass axe.
 */
@Tag("e2e")
@GuichetIntegrationTest
class OptOutBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Test
    void a_citizen_opts_out_and_withdraws_with_confirmation() {
        String citizen = Citizens.newCitizen(identity, Citizens.newNir());
        Page page = chromium.newContext(Axe.contextOptions("fr-FR")).newPage();
        SignIn.as(page, base(), citizen);
        page.locator("#header-navigation a").getByText(Texts.fr("nav.optout")).click();
        assertThat(page.locator("main h1")).hasText(Texts.fr("optout.heading"));
        assertThat(page.locator("#status-badge")).hasText(Texts.fr("optout.status.not_opted_out"));
        assertThat(page.locator("#history-empty")).isVisible();
        assertThat(Axe.seriousViolations(page)).as("axe on /optout").isEmpty();

        page.locator("label[for=confirm-optout]").click();
        page.locator("#optout button[type=submit]").click();
        assertThat(page.locator("main [role=status]")).hasText(Texts.fr("optout.done.optout"));
        assertThat(page.locator("#status-badge")).containsText(Texts.fr("optout.status.opted_out", "").strip());
        assertThat(page.locator("#history tbody tr")).hasCount(1);
        assertThat(page.locator("#history tbody tr")).containsText(Texts.fr("optout.history.in_effect"));
        assertThat(page.locator("#history tbody tr")).containsText(Texts.fr("optout.source.CITIZEN"));
        assertThat(Axe.seriousViolations(page)).as("axe on /optout, opted out").isEmpty();
        Chromium.screenshot(page, "optout", true);

        page.locator("label[for=confirm-withdraw]").click();
        page.locator("#withdraw button[type=submit]").click();
        assertThat(page.locator("main [role=status]")).hasText(Texts.fr("optout.done.withdraw"));
        assertThat(page.locator("#status-badge")).hasText(Texts.fr("optout.status.not_opted_out"));
        assertThat(page.locator("#history tbody tr")).hasCount(1);
        assertThat(page.locator("#history tbody tr")).not().containsText(Texts.fr("optout.history.in_effect"));
        assertThat(page.locator("#optout")).isVisible();
    }

    @Test
    void the_hdab_administrator_imports_a_file_and_reads_the_report() {
        String good = Citizens.newNir();
        String bad = good.substring(0, 13) + (good.endsWith("01") ? "02" : "01");
        Page page = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(page, base(), "admin");
        page.locator("#header-navigation a").getByText(Texts.en("nav.optouts")).click();
        assertThat(page.locator("main h1")).hasText(Texts.en("optout.import.heading"));
        page.locator("#import-file").setInputFiles(new FilePayload("optouts.csv", "text/csv",
                ("national_id\n" + Citizens.spaced(good) + "\n" + bad + "\n").getBytes(StandardCharsets.UTF_8)));
        page.locator("#import-form button[type=submit]").click();
        assertThat(page.locator("#report-read")).hasText("2");
        assertThat(page.locator("#report-registered")).hasText("1");
        assertThat(page.locator("#report-rejected")).hasText("1");
        assertThat(page.locator("#rejections tbody tr")).hasCount(1);
        assertThat(page.locator("#rejections tbody tr td").first()).hasText("3");
        assertThat(page.locator("#rejections tbody tr")).containsText(Texts.en("optout.reason.CONTROL_KEY"));
        assertThat(page.content()).doesNotContain(good).doesNotContain(bad.substring(0, 13));
        assertThat(Axe.seriousViolations(page)).as("axe on /hdab/optouts").isEmpty();
        Chromium.screenshot(page, "optout-import", true);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
