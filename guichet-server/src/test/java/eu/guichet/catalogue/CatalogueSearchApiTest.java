package eu.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The public search through HTTP, on the running application and its database: the demo catalogue is searchable at
 * start, a dataset is found as soon as its publication returns and gone once retired, facets have their documented
 * shape, bad parameters get a problem document.
 */
@GuichetIntegrationTest
class CatalogueSearchApiTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void the_demo_catalogue_is_searchable_anonymously_in_french_and_english() {
        // other test classes of the same context publish their own datasets: look for the demo ones among the hits
        assertThat(identifiers(api.get("/api/catalogue/datasets?q=d%C3%A9c%C3%A8s", null).json()))
                .contains("FR-SNDS-CAUSES-DECES");
        assertThat(identifiers(api.get("/api/catalogue/datasets?q=death", null).json()))
                .contains("FR-SNDS-CAUSES-DECES");
        // test datasets share the SNDS variable: a word of the demo dataset's description ranks it first
        JsonNode byName = api.get("/api/catalogue/datasets?q=BEN_NAI_ANN%20cha%C3%AEnage&size=100", null).json();
        JsonNode beneficiaries = null;
        for (JsonNode hit : byName.get("hits")) {
            if (hit.get("identifier").asString().equals("FR-SNDS-BENEFICIAIRES")) {
                beneficiaries = hit;
            }
        }
        assertThat(beneficiaries).as("FR-SNDS-BENEFICIAIRES among " + identifiers(byName)).isNotNull();
        assertThat(beneficiaries.get("matchedVariables").toString()).contains("IR_BEN_R.BEN_NAI_ANN");
        JsonNode all = api.get("/api/catalogue/datasets", null).json();
        assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void a_dataset_is_found_as_soon_as_it_is_published_and_gone_once_retired() {
        String identifier = "SEARCH-" + UUID.randomUUID().toString().substring(0, 8);
        String search = "/api/catalogue/datasets?q=" + identifier;
        var created = api.post("/api/catalogue/datasets", "holder",
                DescriptionsAsJson.aValidNonPublicDataset(identifier));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.post("/api/catalogue/datasets/" + id + "/transitions", "holder", "{\"action\": \"submit\"}")
                .status()).isEqualTo(200);
        assertThat(identifiers(api.get(search, null).json())).as("not published yet").doesNotContain(identifier);

        assertThat(api.post("/api/catalogue/datasets/" + id + "/publish", "reviewer", null).status()).isEqualTo(200);
        JsonNode found = api.get(search, null).json();
        assertThat(identifiers(found)).first().isEqualTo(identifier);
        JsonNode hit = found.get("hits").get(0);
        assertThat(hit.get("id").asString()).isEqualTo(id);
        assertThat(hit.get("title").get("fr").asString()).contains("DCIR");
        assertThat(hit.get("summary").get("en").asString()).isNotBlank();
        assertThat(hit.get("accessRights").asString()).isEqualTo("NON_PUBLIC");

        var retired = api.post("/api/catalogue/datasets/" + id + "/transitions", "reviewer",
                "{\"action\": \"retire\", \"reason\": \"No longer offered.\"}");
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(identifiers(api.get(search, null).json())).doesNotContain(identifier);
    }

    @Test
    void facets_have_their_documented_shape_and_filters_apply() {
        var response = api.get("/api/catalogue/datasets?category=MRMR&category=PHDR&theme=HEAL&access=NON_PUBLIC"
                + "&from=2020&to=2021&structured=true&size=5", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("pageSize").asInt()).isEqualTo(5);
        assertThat(identifiers(body)).contains("FR-SNDS-CAUSES-DECES", "FR-REGISTRE-CANCERS-DEMOVILLE")
                .doesNotContain("FR-SNDS-DCIR");
        List<String> names = new ArrayList<>();
        body.get("facets").forEach(f -> names.add(f.get("name").asString()));
        assertThat(names).containsExactly("category", "theme", "publisher", "accessRights", "coverage",
                "structuredData");
        JsonNode category = body.get("facets").get(0).get("values");
        boolean hradCounted = false;
        for (JsonNode value : category) {
            assertThat(value.has("value") && value.has("count") && value.has("selected")).isTrue();
            if (value.get("value").asString().equals("MRMR")) {
                assertThat(value.get("selected").asBoolean()).isTrue();
            }
            if (value.get("value").asString().equals("HRAD")) {
                hradCounted = value.get("count").asLong() > 0 && !value.get("selected").asBoolean();
            }
        }
        assertThat(hradCounted).as("other categories counted as if the category filter were not set").isTrue();
        assertThat(api.get("/api/catalogue/datasets?page=999", null).json().get("hits").size())
                .as("a page beyond the end is empty").isZero();
    }

    @Test
    void bad_parameters_get_a_problem_document() {
        var unknown = api.get("/api/catalogue/datasets?category=NOPE", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asString()).isEqualTo("request.parameter_invalid");
        assertThat(unknown.json().get("detail").asString()).contains("category").doesNotContain("NOPE");
        assertThat(api.get("/api/catalogue/datasets?access=SECRET", null).status()).isEqualTo(400);
        var period = api.get("/api/catalogue/datasets?from=2020&to=2010", null);
        assertThat(period.status()).isEqualTo(422);
        assertThat(period.json().get("code").asString()).isEqualTo("catalogue.search_period_invalid");
        assertThat(api.get("/api/catalogue/datasets?q=%22%28%28title%3A*+AND", null).status())
                .as("query syntax is plain text").isEqualTo(200);
    }

    private static List<String> identifiers(JsonNode results) {
        List<String> ids = new ArrayList<>();
        results.get("hits").forEach(h -> ids.add(h.get("identifier").asString()));
        return ids;
    }
}
