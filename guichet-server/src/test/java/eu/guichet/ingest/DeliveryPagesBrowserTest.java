package eu.guichet.ingest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;

import eu.guichet.testing.Api;
import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * A holder delivers SNDS tables from the upload page: with JavaScript through the resumable upload protocol (chunks
 * PUT to {@code /holder/uploads/{id}}) and a progress bar, without JavaScript as a plain multipart form; then reads
 * the report and the quarantine reasons. The page passes axe and is photographed for the docs.
 */
@Tag("e2e")
@GuichetIntegrationTest
class DeliveryPagesBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void a_holder_delivers_with_the_progress_bar_and_reads_the_report_and_quarantine() throws IOException {
        String title = "Livraison E2E " + UUID.randomUUID().toString().substring(0, 8);
        datasetTitled(title);
        Page page = chromium.newContext(Axe.contextOptions("en-GB")).newPage();
        SignIn.as(page, base(), "holder");
        page.navigate(base() + "/holder/deliveries");
        org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).isEmpty();

        List<String> chunks = new java.util.concurrent.CopyOnWriteArrayList<>();

        page.onRequest((Request r) -> {
            if (r.method().equals("PUT") && r.url().contains("/holder/uploads/")) {
                chunks.add(String.valueOf(r.headers().get("content-range")));
            }
        });
        page.locator("#dataset").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(title));
        page.locator("label[for=format-CSV_TABLE_SCHEMA]").click();
        page.locator("#identifiers").fill("BEN_NIR_PSA=NATIONAL_ID\nBEN_NIR_ANO=NATIONAL_ID\n"
                + "BEN_IDT_ANO=NATIONAL_ID\nASS_NIR_ANO=NATIONAL_ID");
        page.locator("#files").setInputFiles(files().toArray(Path[]::new));
        assertThat(page.locator("#upload-error")).isHidden();
        page.locator("#delivery-form button[type=submit]").click();

        page.waitForURL("**/holder/deliveries/*?received");
        org.assertj.core.api.Assertions.assertThat(chunks).hasSize(4).allMatch(range -> range.startsWith("bytes 0-"));
        assertThat(page.locator("#delivery-received")).hasText(Texts.en("delivery.page.received"));
        awaitStatus(page, "ACCEPTED");
        assertThat(page.locator("#delivery-report")).containsText("IR_IBA_R");
        assertThat(page.locator("#quarantine")).containsText(Texts.en("delivery.reason.duplicate_primary_key"));
        assertThat(page.locator("#quarantine")).containsText("BEN_IDT_ANO");
        org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(page)).isEmpty();

        page.navigate(base() + "/holder/deliveries");
        assertThat(page.locator("#deliveries")).containsText(title);
        assertThat(page.locator("#deliveries")).containsText(Texts.en("delivery.status.ACCEPTED"));
        Path shot = Chromium.screenshot(page, "deliveries", true);
        Path docs = Path.of("..", "docs", "screenshots", "deliveries.png");
        Files.copy(shot, docs, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void without_javascript_the_form_is_a_plain_multipart_post() throws IOException {
        String title = "Livraison sans JS " + UUID.randomUUID().toString().substring(0, 8);
        datasetTitled(title);
        Page page = chromium.newContext(new Browser.NewContextOptions().setLocale("fr-FR")
                .setJavaScriptEnabled(false)).newPage();
        SignIn.as(page, base(), "holder");
        page.navigate(base() + "/holder/deliveries");
        page.locator("#dataset").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(title));
        page.locator("#identifiers").fill("BEN_NIR_PSA=NATIONAL_ID\nBEN_IDT_ANO=NATIONAL_ID");
        page.locator("#files").setInputFiles(files().toArray(Path[]::new));
        page.locator("#delivery-form button[type=submit]").click();

        page.waitForURL("**/holder/deliveries/*?received");
        awaitStatus(page, "ACCEPTED");
        assertThat(page.locator("#delivery-status")).hasText(Texts.fr("delivery.status.ACCEPTED"));
    }

    private void awaitStatus(Page page, String status) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> {
            page.reload();
            String shown = page.locator("#delivery-status").textContent().trim();
            return shown.equals(Texts.en("delivery.status." + status))
                    || shown.equals(Texts.fr("delivery.status." + status));
        });
    }

    /** A draft dataset of the demo holder's organisation, with a title to pick it by. */
    private void datasetTitled(String title) {
        var created = new Api(port).post("/api/catalogue/datasets", "holder", "{\"identifier\": \"E2E-"
                + UUID.randomUUID() + "\", \"title\": {\"fr\": \"" + title + "\", \"en\": \"" + title + "\"}}");
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private List<Path> files() throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String name : List.of("IR_BEN_R.csv", "IR_BEN_R.schema.json", "IR_IBA_R.csv", "IR_IBA_R.schema.json")) {
            try (InputStream in = getClass().getResourceAsStream("/ingest/snds/" + name)) {
                Path target = dir.resolve(name);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                out.add(target);
            }
        }
        return out;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
