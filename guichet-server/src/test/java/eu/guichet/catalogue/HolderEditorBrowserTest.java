package eu.guichet.catalogue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * A holder describes a dataset in the editor — the shapes' messages next to the fields, variables from an SNDS
 * Table Schema — submits it, and the HDAB publishes it from its queue.
 */
@Tag("e2e")
@GuichetIntegrationTest
class HolderEditorBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void a_holder_describes_and_submits_a_dataset_and_a_reviewer_publishes_it() throws IOException {
        String identifier = "FR-E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Page holder = chromium.newPage("en-GB");
        SignIn.as(holder, base(), "holder");
        holder.navigate(base() + "/holder/datasets");
        holder.locator("main a", new Page.LocatorOptions().setHasText(Texts.en("holder.new"))).click();

        holder.locator("#identifier").fill(identifier);
        holder.locator("#titleFr").fill("Entrepôt de test");
        holder.locator("#save").click();
        assertThat(holder.locator("#dataset-status")).hasText(Texts.en("dataset.status.DRAFT"));
        assertThat(holder.locator("#violations")).containsText("description");
        assertThat(holder.locator("#description-messages")).not().isEmpty();
        Locator submit = holder.locator("#conformance button",
                new Page.LocatorOptions().setHasText(Texts.en("editor.action.submit")));
        assertThat(submit).isDisabled();

        holder.locator("#titleEn").fill("Test warehouse");
        holder.locator("#descriptionFr").fill("Données de soins d'un entrepôt hospitalier de test.");
        holder.locator("#descriptionEn").fill("Care data of a test hospital warehouse.");
        // checked as the holder types, before saving
        assertThat(holder.locator("#description-messages")).isEmpty();
        assertThat(holder.locator("#live-check")).containsText(Texts.en("editor.live.broken").split("\\{")[0]);
        holder.locator("#keywordsFr").fill("entrepôt, hôpital");
        holder.locator("#keywordsEn").fill("warehouse, hospital");
        holder.locator("label[for=hc-EHRS]").click();
        holder.locator("#type").fill("http://publications.europa.eu/resource/authority/dataset-type/STATISTICAL");
        holder.locator("#provenanceFr").fill("Extraction du dossier patient informatisé.");
        holder.locator("#contactEmail").fill("entrepot@chu-demoville.example.fr");
        holder.locator("#distributionTitleFr").fill("Demande d'accès");
        holder.locator("#distributionAccessUrl").fill("https://guichet.example.fr/catalogue/" + identifier);
        holder.locator("#numberOfRecords").fill("not a number");
        holder.locator("#save").click();
        assertThat(holder.locator("#numberOfRecords-messages")).hasText(Texts.en("catalogue.form.number_invalid"));
        holder.locator("#numberOfRecords").fill("120000");
        holder.locator("#save").click();
        assertThat(holder.locator("main [role=status]").first()).hasText(Texts.en("editor.saved"));

        holder.locator("#variables-file").setInputFiles(snds("BENEFICIAIRE/IR_BEN_R.json"));
        holder.locator("#variables button[type=submit]",
                new Page.LocatorOptions().setHasText(Texts.en("editor.variables_import"))).click();
        assertThat(holder.locator("#variables")).containsText("IR_BEN_R");
        assertThat(holder.locator("#conformance")).containsText(Texts.en("editor.conformant"));

        submit.click();
        assertThat(holder.locator("#dataset-status")).hasText(Texts.en("dataset.status.SUBMITTED"));
        holder.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/catalogue-editor.png"))
                .setFullPage(true));

        Page reviewer = chromium.newPage("fr-FR");
        SignIn.as(reviewer, base(), "reviewer");
        reviewer.navigate(base() + "/hdab/catalogue");
        Locator card = reviewer.locator("#queued-" + identifier);
        assertThat(card).containsText(Texts.fr("queue.conformant"));
        reviewer.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/publication-queue.png"))
                .setFullPage(true));
        card.locator("button", new Locator.LocatorOptions().setHasText(Texts.fr("queue.publish"))).click();
        assertThat(reviewer.locator("main [role=status]")).hasText(Texts.fr("queue.moved.publish", identifier));
        assertThat(reviewer.locator("#queued-" + identifier)).hasCount(0);

        holder.navigate(base() + "/holder/datasets");
        assertThat(holder.locator("#holder-datasets tr", new Page.LocatorOptions().setHasText(identifier)))
                .containsText(Texts.en("dataset.status.PUBLISHED"));
    }

    private Path snds(String schema) throws IOException {
        Path file = Files.createTempFile("schema-", ".json");
        try (InputStream in = getClass().getResourceAsStream("/demo/snds-schema/schemas/" + schema)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
