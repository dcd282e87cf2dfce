package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * The documents of an application on its pages: the applicant attaches one to the draft and sees it listed; the
 * reviewer downloads it from the assessment page once submitted; another applicant cannot; a file of another type is
 * refused with its code.
 */
@GuichetIntegrationTest
class ApplicationDocumentPagesTest {

    private static final Pattern DOWNLOAD = Pattern.compile("href=\"(/applications/[0-9a-f-]+/documents/[0-9a-f-]+)\"");

    @LocalServerPort
    int port;

    @Test
    void the_applicant_attaches_a_protocol_and_the_reviewer_downloads_it() {
        Api api = new Api(port);
        AccessJourneys journeys = new AccessJourneys(api, AccessJourneys.publishedDataset(api, "DOCPAGE"));
        String id = journeys.draft();
        BrowserSession alice = BrowserSession.signedIn(port, "alice");
        assertThat(alice.get("/applications/" + id + "?lang=en").body()).contains("No document attached.")
                .contains("id=\"attach-document\"");

        byte[] protocol = "Protocol of the matrix study, version 2.".getBytes(StandardCharsets.UTF_8);
        var attached = alice.upload("/applications/" + id, "/applications/" + id + "/documents", "file",
                "protocole-étude.txt", "text/plain", protocol);
        assertThat(attached.statusCode()).isEqualTo(302);
        String page = alice.get("/applications/" + id + "?lang=en").body();
        assertThat(page).contains("The document is attached.").contains("protocole-étude.txt")
                .contains("Other document");
        Matcher link = DOWNLOAD.matcher(page);
        assertThat(link.find()).isTrue();
        var downloaded = alice.get(link.group(1));
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo("Protocol of the matrix study, version 2.");
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        var refused = alice.upload("/applications/" + id, "/applications/" + id + "/documents", "file", "x.png",
                "image/png", new byte[] { 1, 2, 3 });
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(alice.get("/applications/" + id + "?lang=en").body()).contains("access.document_type");

        assertThat(api.post("/api/applications/" + id + "/submit", "alice", null).status()).isEqualTo(200);
        BrowserSession reviewer = BrowserSession.signedIn(port, "reviewer");
        String assessment = reviewer.get("/hdab/applications/" + id + "?lang=en").body();
        assertThat(assessment).contains("protocole-étude.txt").doesNotContain("id=\"attach-document\"");
        assertThat(reviewer.get(link.group(1)).statusCode()).isEqualTo(200);
        assertThat(BrowserSession.signedIn(port, "bob").get(link.group(1)).statusCode()).isEqualTo(404);
    }
}
