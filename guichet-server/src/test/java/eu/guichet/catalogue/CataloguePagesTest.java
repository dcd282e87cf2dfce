package eu.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.catalogue.internal.demo.DemoCatalogue;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Texts;

/**
 * The public catalogue pages as served HTML, in both languages: every demo dataset's page renders with its variables,
 * searches and filters render their results, and the basket fills and empties through its forms.
 */
@GuichetIntegrationTest
class CataloguePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_demo_dataset_has_a_page_with_its_variables_and_access_conditions() {
        BrowserSession visitor = BrowserSession.anonymous(port);
        for (String identifier : DemoCatalogue.IDENTIFIERS) {
            HttpResponse<String> page = visitor.get("/datasets/" + idOf(identifier));
            assertThat(page.statusCode()).as(identifier).isEqualTo(200);
            assertThat(page.body()).as(identifier).contains(identifier).contains("id=\"variables\"")
                    .contains("class=\"guichet-variable\"").contains("id=\"sign-in-to-request\"")
                    .doesNotContain("role=\"alert\"");
        }
        HttpResponse<String> filtered = visitor.get("/datasets/" + idOf("FR-SNDS-BENEFICIAIRES") + "?vq=BEN_SEX");
        assertThat(filtered.body()).contains("BEN_SEX_COD").doesNotContain(">BEN_NAI_ANN<");
    }

    @Test
    void searches_render_their_hits_facets_and_pages_in_french_and_english() {
        BrowserSession visitor = BrowserSession.anonymous(port);
        for (String path : List.of("/datasets", "/datasets?q=d%C3%A9c%C3%A8s", "/datasets?q=deces&lang=en",
                "/datasets?q=HbA1c&category=EHRS&lang=fr", "/datasets?access=NON_PUBLIC&from=2010&to=2020",
                "/datasets?category=NO_SUCH&theme=NOPE&page=abc", "/datasets?q=%22unbalanced&page=999",
                "/datasets?structured=true&publisher=Caisse+nationale+de+l%27Assurance+maladie")) {
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("id=\"result-count\"");
        }
        assertThat(visitor.get("/datasets?q=deces&lang=fr").body()).contains("Causes médicales de décès");
        assertThat(visitor.get("/datasets?q=zzzzunknownword&lang=en").body())
                .contains(Texts.en("search.none"));
    }

    @Test
    void a_signed_in_user_puts_a_dataset_with_variables_in_the_basket_and_removes_it() {
        BrowserSession bob = BrowserSession.signedIn(port, "bob");
        String id = idOf("FR-SNDS-CAUSES-DECES").toString();
        String page = bob.get("/datasets/" + id + "?lang=en").body();
        assertThat(page).contains("id=\"request-access\"").contains("form=\"basket-form\"");
        String variable = page.replaceAll("(?s).*name=\"variables\" form=\"basket-form\" value=\"([^\"]+)\".*", "$1");

        var added = bob.submit("/datasets/" + id, "/datasets/" + id + "/basket", Map.of("variables", variable));
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/basket");
        assertThat(bob.get("/basket?lang=en").body()).contains("FR-SNDS-CAUSES-DECES").contains(variable)
                .doesNotContain("role=\"alert\"");

        var wrong = bob.submit("/datasets/" + id, "/datasets/" + id + "/basket",
                Map.of("variables", "NO_TABLE.NO_COLUMN"));
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/datasets/" + id);
        assertThat(bob.get("/datasets/" + id + "?lang=en").body()).as("the refusal, once")
                .contains("role=\"alert\"").contains("catalogue.variable_unknown");

        var removed = bob.submit("/basket", "/basket/" + id + "/remove", Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(bob.get("/basket?lang=en").body()).doesNotContain("FR-SNDS-CAUSES-DECES")
                .contains(Texts.en("basket.empty"));
    }

    @Test
    void the_editor_checks_a_description_as_the_holder_types_without_saving_it() {
        BrowserSession holder = BrowserSession.signedIn(port, "holder");
        var incomplete = holder.submit("/holder/datasets/new", "/holder/datasets/validation",
                Map.of("identifier", "LIVE-CHECK", "titleFr", "Essai", "numberOfRecords", "many"));
        assertThat(incomplete.statusCode()).isEqualTo(200);
        assertThat(incomplete.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(incomplete.body()).contains("\"description\":").contains("\"numberOfRecords\":")
                .doesNotContain("\"hdab\":").doesNotContain("\"blocking\":0");
        assertThat(jdbc.sql("select count(*) from dataset where identifier = 'LIVE-CHECK'").query(Long.class).single())
                .as("nothing saved").isZero();
    }

    @Test
    void an_administrator_gives_an_imported_dataset_nobody_maintains_to_a_holder_from_the_queue_page() throws Exception {
        String identifier = "PAGE-UNASSIGNED-" + UUID.randomUUID().toString().substring(0, 8);
        String turtle = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <https://elsewhere.example.org/datasets/page> a dcat:Dataset ;
                    dct:identifier "%s" ;
                    dct:title "Sans détenteur"@fr .
                """.formatted(identifier);
        var imported = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/catalogue/import"))
                .header("Content-Type", "text/turtle").header("Authorization",
                        eu.guichet.testing.Api.basic("admin", eu.guichet.testing.Api.DEMO_PASSWORD))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(turtle)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(201);

        BrowserSession admin = BrowserSession.signedIn(port, "admin");
        String queue = admin.get("/hdab/catalogue?lang=en").body();
        assertThat(queue).contains("id=\"unassigned-" + identifier + "\"").contains("name=\"organisationId\"");
        String holder = jdbc.sql("select id from organisation where name = ?")
                .param("Centre hospitalier universitaire de Démoville").query(UUID.class).single().toString();
        var assigned = admin.submit("/hdab/catalogue", "/hdab/catalogue/" + idOf(identifier) + "/holder",
                Map.of("organisationId", holder));
        assertThat(assigned.statusCode()).isEqualTo(302);
        String after = admin.get("/hdab/catalogue?lang=en").body();
        assertThat(after).doesNotContain("id=\"unassigned-" + identifier + "\"")
                .contains(identifier + " now belongs to its data holder.");
        assertThat(BrowserSession.signedIn(port, "reviewer").get("/hdab/catalogue?lang=en").body())
                .as("reviewers see the list but only administrators assign").doesNotContain("name=\"organisationId\"");
    }

    @Test
    void addresses_of_imported_descriptions_become_links_only_when_they_are_web_addresses() throws Exception {
        String identifier = "PAGE-SCHEMES-" + UUID.randomUUID().toString().substring(0, 8);
        String turtle = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
                <https://elsewhere.example.org/datasets/schemes> a dcat:Dataset ;
                    dct:identifier "%s" ;
                    dct:title "Adresses"@fr ;
                    dcat:contactPoint [ a vcard:Kind ; vcard:hasURL <javascript:alert(1)> ] ;
                    dcat:distribution [ a dcat:Distribution ; dcat:accessURL <javascript:alert(2)> ] .
                """.formatted(identifier);
        var imported = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/catalogue/import"))
                .header("Content-Type", "text/turtle").header("Authorization",
                        eu.guichet.testing.Api.basic("admin", eu.guichet.testing.Api.DEMO_PASSWORD))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(turtle)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).isEqualTo(201);
        String page = BrowserSession.signedIn(port, "admin").get("/datasets/" + idOf(identifier) + "?lang=en").body();
        assertThat(page).contains("javascript:alert(1)").contains("javascript:alert(2)")
                .doesNotContain("href=\"javascript:");
    }

    private UUID idOf(String identifier) {
        return jdbc.sql("select id from dataset where identifier = ?").param(identifier).query(UUID.class).single();
    }
}
