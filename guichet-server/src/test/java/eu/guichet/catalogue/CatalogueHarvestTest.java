package eu.guichet.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.catalogue.internal.rdf.HealthDcatReader;
import eu.guichet.catalogue.internal.rdf.ImportedDataset;
import eu.guichet.catalogue.internal.rdf.RdfFormat;
import eu.guichet.catalogue.internal.rdf.ShaclValidator;
import eu.guichet.catalogue.internal.rdf.ShaclViolation;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * The catalogue as harvesters see it (content negotiation, paging, conformance of what is served) and the HDAB's
 * import of HealthDCAT-AP from elsewhere.
 */
@GuichetIntegrationTest
class CatalogueHarvestTest {

    private static final String DCAT_DATASET = "http://www.w3.org/ns/dcat#dataset";

    @LocalServerPort
    int port;

    Api api;

    @Autowired
    CatalogueHolders holders;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void the_catalogue_is_served_in_turtle_json_ld_and_rdf_xml_and_each_says_the_same() throws Exception {
        Model turtle = fetch("/catalogue", "text/turtle", Lang.TURTLE);
        assertThat(turtle.listObjectsOfProperty(turtle.createProperty(DCAT_DATASET)).toList()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(fetch("/catalogue", "application/ld+json", Lang.JSONLD).isIsomorphicWith(turtle)).isTrue();
        assertThat(fetch("/catalogue", "application/rdf+xml", Lang.RDFXML).isIsomorphicWith(turtle)).isTrue();
        HttpResponse<String> browser = get("/catalogue", "text/html");
        assertThat(browser.statusCode()).as("a browser is sent to the search page").isEqualTo(303);
        assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/datasets");
        assertThat(get("/catalogue", "application/pdf").statusCode()).isEqualTo(406);
    }

    @Test
    void every_dataset_the_catalogue_serves_conforms_to_the_shapes_of_its_access_level() throws Exception {
        String page = get("/catalogue?page=1", "text/turtle").body();
        List<ImportedDataset> datasets = new HealthDcatReader().read(page, RdfFormat.TURTLE);
        assertThat(datasets).hasSizeGreaterThanOrEqualTo(7);
        ShaclValidator shacl = new ShaclValidator();
        for (ImportedDataset d : datasets) {
            assertThat(shacl.validate(d.description()))
                    .as("violations of %s", d.description().identifier())
                    .noneMatch(v -> v.severity() == ShaclViolation.Severity.VIOLATION);
        }
    }

    @Test
    void one_published_dataset_is_served_at_its_iri_and_drafts_are_not() throws Exception {
        var listed = fetch("/catalogue", "text/turtle", Lang.TURTLE)
                .listObjectsOfProperty(ModelFactory.createDefaultModel().createProperty(DCAT_DATASET)).toList();
        String iri = listed.get(0).asResource().getURI();
        String path = URI.create(iri).getPath();
        Model one = fetch(path, "application/ld+json", Lang.JSONLD);
        assertThat(one.containsResource(one.createResource(iri))).isTrue();

        var draft = api.post("/api/catalogue/datasets", "holder", "{\"identifier\": \"HARVEST-DRAFT-" + UUID.randomUUID()
                + "\"}");
        assertThat(get("/catalogue/datasets/" + draft.json().get("id").asString(), "text/turtle").statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_official_healthdcat_ap_example_imports_and_waits_in_the_publication_queue() throws IOException {
        String example = resource("/healthdcat-ap/examples/example-healthdcat-dataset.ttl");
        assertThat(importAs("alice", example, "text/turtle").statusCode()).isEqualTo(403);
        assertThat(importAs(null, example, "text/turtle").statusCode()).isEqualTo(401);

        var imported = importAs("admin", example, "text/turtle");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(imported.body()).contains("EU-HDCA-R7-ONCOLOGY-EHRS-2024").contains("\"status\":\"SUBMITTED\"")
                .contains("\"violations\":[]");
        assertThat(api.get("/api/catalogue/publication-queue", "reviewer").body())
                .contains("EU-HDCA-R7-ONCOLOGY-EHRS-2024");

        var again = importAs("admin", example, "text/turtle");
        assertThat(again.body()).as("the same identifier is not imported twice")
                .contains("\"refused\":\"catalogue.identifier_taken\"");
    }

    @Test
    void an_entry_that_does_not_conform_is_kept_as_a_draft_with_its_violations_listed() {
        String identifier = "IMPORT-INCOMPLETE-" + UUID.randomUUID();
        String turtle = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                <https://elsewhere.example.org/datasets/1> a dcat:Dataset ;
                    dct:identifier "%s" ;
                    dct:title "Incomplete entry"@en ;
                    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC> .
                """.formatted(identifier);
        var imported = importAs("admin", turtle, "text/turtle");
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(imported.body()).contains(identifier).contains("\"status\":\"DRAFT\"")
                .contains("\"field\":\"description\"").contains("\"field\":\"distributions\"");
        assertThat(api.get("/api/catalogue/publication-queue", "reviewer").body()).doesNotContain(identifier);
    }

    @Test
    void an_import_belongs_to_the_registered_holder_named_as_custodian_or_waits_for_the_hdab_to_assign_it() {
        String known = "IMPORT-KNOWN-HOLDER-" + UUID.randomUUID();
        String unknown = "IMPORT-UNKNOWN-HOLDER-" + UUID.randomUUID();
        String turtle = """
                @prefix dcat: <http://www.w3.org/ns/dcat#> .
                @prefix dct: <http://purl.org/dc/terms/> .
                @prefix foaf: <http://xmlns.com/foaf/0.1/> .
                @prefix geodcatap: <http://data.europa.eu/930/> .
                <https://elsewhere.example.org/datasets/known> a dcat:Dataset ;
                    dct:identifier "%s" ;
                    dct:title "Held by a registered holder"@en ;
                    geodcatap:custodian [ a foaf:Agent ; foaf:name "Centre hospitalier universitaire de Démoville" ] .
                <https://elsewhere.example.org/datasets/unknown> a dcat:Dataset ;
                    dct:identifier "%s" ;
                    dct:title "Held by nobody registered here"@en ;
                    geodcatap:custodian [ a foaf:Agent ; foaf:name "Clinique inconnue" ] .
                """.formatted(known, unknown);
        assertThat(importAs("admin", turtle, "text/turtle").statusCode()).isEqualTo(201);

        assertThat(api.get("/api/catalogue/holder/datasets", "holder").body()).as("the holder maintains it")
                .contains(known).doesNotContain(unknown);
        assertThat(holders.withoutHolder()).as("the HDAB sees what nobody maintains")
                .anyMatch(d -> d.description().identifier().equals(unknown))
                .noneMatch(d -> d.description().identifier().equals(known));

        String id = idOf(unknown);
        String assignment = "{\"organisationId\": \"" + organisationOf("holder") + "\"}";
        assertThat(api.put("/api/catalogue/datasets/" + id + "/holder", "reviewer", assignment).status())
                .as("only an administrator assigns").isEqualTo(403);
        assertThat(api.put("/api/catalogue/datasets/" + id + "/holder", "admin", assignment).status())
                .isEqualTo(200);
        assertThat(api.get("/api/catalogue/holder/datasets", "holder").body()).contains(unknown);
        assertThat(api.get("/api/catalogue/datasets/" + id, "holder").body()).as("named after its new holder")
                .contains("Centre hospitalier universitaire de Démoville").doesNotContain("Clinique inconnue");
        String toCompany = "{\"organisationId\": \"" + organisationOf("bob") + "\"}";
        var refused = api.put("/api/catalogue/datasets/" + id + "/holder", "admin", toCompany);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("catalogue.holder_invalid");
    }

    private String organisationOf(String username) {
        return identity.findUserByUsername(username).orElseThrow().organisationId().orElseThrow().value().toString();
    }

    private String idOf(String identifier) {
        return jdbc.sql("select id from dataset where identifier = ?").param(identifier).query(UUID.class).single()
                .toString();
    }

    @Test
    void malformed_rdf_is_refused_with_a_clear_problem() {
        var refused = importAs("admin", "<not turtle", "text/turtle");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("catalogue.rdf_invalid");
    }

    private HttpResponse<String> importAs(String user, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/catalogue/import"))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", Api.basic(user, Api.DEMO_PASSWORD));
        }
        return send(request.build());
    }

    private Model fetch(String path, String accept, Lang lang) {
        HttpResponse<String> response = get(path, accept);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(accept);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(response.body(), lang).parse(model);
        return model;
    }

    private HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept", accept).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = CatalogueHarvestTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
