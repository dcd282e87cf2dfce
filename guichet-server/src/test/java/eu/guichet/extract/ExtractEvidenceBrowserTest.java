package eu.guichet.extract;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import eu.guichet.access.AccessJourneys;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;
import tools.jackson.databind.JsonNode;

/** The permit page shows its extract's evidence: status, opt-outs, rows per table and the files' SHA-256. */
@Tag("e2e")
@GuichetIntegrationTest
class ExtractEvidenceBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Value("${guichet.extract.dir}")
    Path extractDir;

    @Test
    void a_permit_member_reads_the_extract_evidence_on_the_permit_page() throws Exception {
        Api api = new Api(port);
        ExtractJourneys journeys = new ExtractJourneys(api, extractDir);
        DatasetId dataset = AccessJourneys.publishedDataset(api, "SYNTHEA");
        journeys.deliverFhir(dataset);
        String permit = journeys.grantedPermit(dataset, ExtractJourneys.everyone(), ExtractJourneys.FHIR_VARIABLES);
        JsonNode evidence = journeys.awaitReady(permit, 1);

        Page page = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(page, "http://localhost:" + port, "alice");
        page.navigate("http://localhost:" + port + "/permits/" + permit);

        assertThat(page.locator("#extract-status")).containsText(Texts.en("extract.status.READY"));
        assertThat(page.locator("#extract-rows")).containsText("patient");
        assertThat(page.locator("#extract-files")).containsText(evidence.get("files").get(0).get("sha256").asString());
        assertThat(page.locator("#extract-optouts")).containsText(
                evidence.get("optOuts").get("snapshots").get(0).get("referenceInstant").asString());
        org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).isEmpty();
        Path shot = Chromium.screenshot(page, "permit-extract", true);
        Files.copy(shot, Path.of("..", "docs", "screenshots", "permit-extract.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
