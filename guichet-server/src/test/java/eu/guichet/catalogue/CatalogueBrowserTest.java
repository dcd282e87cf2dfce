package eu.guichet.catalogue;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import eu.guichet.testing.Axe;
import eu.guichet.testing.Chromium;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.SignIn;
import eu.guichet.testing.Texts;

/**
 * A researcher finds a dataset by words without accents, narrows by a facet, reads the dataset's page, filters its
 * variables, and puts the dataset with chosen variables in the basket an application will start from.
 */
@Tag("e2e")
@GuichetIntegrationTest
class CatalogueBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    @Test
    void a_visitor_searches_and_reads_a_dataset_and_a_signed_in_researcher_fills_the_basket() {
        // CSP bypassed only so that axe can be injected; the pages' own script is a same-origin file
        Page visitor = chromium.newContext(new Browser.NewContextOptions().setLocale("fr-FR").setBypassCSP(true))
                .newPage();
        visitor.navigate(base() + "/datasets");
        assertThat(visitor.locator("main h1")).hasText(Texts.fr("search.heading"));
        assertThat(visitor.locator("#results > li")).not().hasCount(0);
        Chromium.screenshot(visitor, "catalogue-search", true);

        visitor.locator("#q").fill("causes de deces");
        visitor.locator("#search-button").click();
        assertThat(visitor.locator("#results")).containsText("Causes médicales de décès");

        visitor.locator("#q").fill("");
        visitor.locator("#search-button").click();
        Locator registries = visitor.locator("#facet-category label",
                new Page.LocatorOptions().setHasText(Texts.fr("health-category.MRMR")));
        registries.click();
        visitor.locator("#apply-filters").click();
        assertThat(visitor.locator("#facet-category input:checked")).hasCount(1);
        for (Locator hit : visitor.locator("#results > li").all()) {
            assertThat(hit).containsText(Texts.fr("health-category.MRMR"));
        }

        // test datasets share the SNDS variable: a word of the demo dataset's description ranks it first
        visitor.locator("#q").fill("BEN_NAI_ANN chaînage");
        registries.click();
        assertThat(visitor.locator("#facet-category input:checked")).hasCount(0);
        visitor.locator("#search-button").click();
        // other tests may have published datasets with the same SNDS table: take the demo one
        Locator beneficiaries = visitor.locator("#results > li",
                new Page.LocatorOptions().setHasText("FR-SNDS-BENEFICIAIRES"));
        assertThat(beneficiaries.locator(".guichet-matched")).containsText("BEN_NAI_ANN");
        beneficiaries.locator("h2 a").click();

        assertThat(visitor.locator("#access-conditions")).containsText(Texts.fr("dataset_page.access.NON_PUBLIC"));
        assertThat(visitor.locator("#sign-in-to-request")).isVisible();
        Locator rows = visitor.locator("tr.guichet-variable");
        int all = rows.count();
        assertThat(all).isGreaterThan(5);
        visitor.locator("#vq").fill("naissance");
        // the filter runs in the page as one types: wait until it has hidden a row, then count
        visitor.waitForFunction("() => Array.from(document.querySelectorAll('tr.guichet-variable'))"
                + ".some(r => r.style.display === 'none')");
        assertThat(visitor.locator("tr.guichet-variable:visible")).not().hasCount(0);
        assertThat(visitor.locator("tr.guichet-variable:visible").count()).isLessThan(all);
        assertThat(visitor.locator("tr.guichet-variable:visible").first()).containsText("naissance");
        assertThat(Axe.seriousViolations(visitor)).as("axe on the dataset page").isEmpty();
        String datasetPath = visitor.url().substring(base().length());

        Page alice = chromium.newContext(new Browser.NewContextOptions().setLocale("en-GB").setBypassCSP(true))
                .newPage();
        SignIn.as(alice, base(), "alice");
        alice.navigate(base() + datasetPath);
        assertThat(alice.locator("#request-access")).hasText(Texts.en("dataset_page.request"));
        alice.locator("#vq").fill("BEN_NAI_ANN");
        alice.locator("label[for=var-IR_BEN_R-BEN_NAI_ANN]").click();
        alice.locator("#vq").fill("BEN_SEX_COD");
        alice.locator("label[for=var-IR_BEN_R-BEN_SEX_COD]").click();
        assertThat(alice.locator("input[form=basket-form]:checked")).hasCount(2);
        Chromium.screenshot(alice, "catalogue-dataset", true);
        alice.locator("#request-access").click();

        assertThat(alice.locator("main h1")).hasText(Texts.en("basket.heading"));
        assertThat(alice.locator("main [role=status]")).hasText(Texts.en("basket.added"));
        Locator item = alice.locator("#basket-FR-SNDS-BENEFICIAIRES");
        assertThat(item.locator(".guichet-basket-variables li")).hasText(new String[] { "IR_BEN_R.BEN_NAI_ANN",
                "IR_BEN_R.BEN_SEX_COD" });
        assertThat(Axe.seriousViolations(alice)).as("axe on the basket").isEmpty();
        Chromium.screenshot(alice, "catalogue-basket", true);

        alice.navigate(base() + datasetPath);
        assertThat(alice.locator("#in-basket")).hasText(Texts.en("dataset_page.in_basket", 2));
        assertThat(alice.locator("#request-access")).hasText(Texts.en("dataset_page.update_basket"));

        alice.navigate(base() + "/basket");
        item.locator("button", new Locator.LocatorOptions().setHasText(Texts.en("basket.remove"))).click();
        assertThat(alice.locator("#basket-FR-SNDS-BENEFICIAIRES")).hasCount(0);
        assertThat(alice.locator("#basket-empty")).isVisible();
    }

    @Test
    void a_browser_following_a_dataset_iri_lands_on_its_page_and_a_harvester_gets_turtle() {
        Page page = chromium.newPage("en-GB");
        page.navigate(base() + "/datasets?q=DCIR");
        page.locator("#results > li h2 a").first().click();
        String datasetPath = page.url().substring(base().length());
        Response response = page.navigate(base() + "/catalogue" + datasetPath);
        assertThat(response.status()).as(response.url()).isEqualTo(200);
        assertThat(page.url()).isEqualTo(base() + datasetPath);
        assertThat(page.locator("main h1")).not().isEmpty();

        var rdf = page.request().get(base() + "/catalogue" + datasetPath,
                com.microsoft.playwright.options.RequestOptions.create().setHeader("Accept", "text/turtle"));
        assertThat(rdf.headers().get("content-type")).startsWith("text/turtle");
        assertThat(rdf.text()).contains("dcat:Dataset");
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
