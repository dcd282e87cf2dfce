package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/** Documents attached to an application: who may attach and read them, which files are refused. */
@GuichetIntegrationTest
class ApplicationDocumentsTest {

    private static final byte[] PDF = "%PDF-1.4\n% ethics committee opinion\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    private Api api;
    private AccessJourneys journeys;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "DOCS"));
    }

    @Test
    void the_applicant_attaches_an_ethics_opinion_and_the_hdab_reads_it_unchanged() throws Exception {
        String application = journeys.draft();

        HttpResponse<String> attached = upload(application, "alice", "opinion.pdf", "application/pdf", PDF);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(attached.body()).contains("\"sha256\":\"" + sha + "\"").contains("ETHICS_OPINION");
        String documentId = attached.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        var listed = api.get("/api/applications/" + application + "/documents", "reviewer");
        assertThat(listed.body()).contains(documentId);
        HttpResponse<byte[]> content = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                api.base() + "/api/applications/" + application + "/documents/" + documentId))
                .header("Authorization", Api.basic("reviewer", Api.DEMO_PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(PDF);
        assertThat(content.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
        assertThat(api.get("/api/applications/" + application + "/documents/" + documentId, "bob").status())
                .isEqualTo(404);
    }

    @Test
    void only_the_applicant_attaches_only_documents_and_only_while_the_application_is_editable() throws Exception {
        String application = journeys.draft();
        assertThat(upload(application, null, "a.pdf", "application/pdf", PDF).statusCode()).isEqualTo(401);
        assertThat(upload(application, "bob", "a.pdf", "application/pdf", PDF).statusCode()).isEqualTo(404);
        assertThat(upload(application, "reviewer", "a.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);
        assertThat(upload(application, "holder", "a.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);
        HttpResponse<String> script = upload(application, "alice", "a.html", "text/html",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("access.document_type");

        String screened = journeys.screened();
        HttpResponse<String> late = upload(screened, "alice", "a.pdf", "application/pdf", PDF);
        assertThat(late.statusCode()).isEqualTo(409);
    }

    private HttpResponse<String> upload(String application, String user, String filename, String type, byte[] bytes)
            throws Exception {
        String boundary = "guichet-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nETHICS_OPINION\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/applications/" + application
                + "/documents")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (user != null) {
            request.header("Authorization", Api.basic(user, Api.DEMO_PASSWORD));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
