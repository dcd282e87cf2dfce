package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/** The audit trail page, as auditors and administrators see it. */
@GuichetIntegrationTest
class AuditPagesTest {

    @LocalServerPort
    int port;

    @Test
    void an_auditor_sees_the_verified_chain_the_newest_events_and_the_export_link() {
        String page = BrowserSession.signedIn(port, "auditor").get("/audit?lang=en").body();
        assertThat(page).contains("id=\"chain-verification\"").contains("fr-alert--success")
                .contains("<code class=\"guichet-code\">identity.login</code>")
                .contains("href=\"/audit/events\"");
    }

    @Test
    void an_administrator_sees_the_trail_without_the_export_which_is_for_auditors() {
        String page = BrowserSession.signedIn(port, "admin").get("/audit?lang=en").body();
        assertThat(page).contains("id=\"chain-verification\"").doesNotContain("href=\"/audit/events\"");
    }

    @Test
    void the_export_link_downloads_the_trail_as_json_lines_with_the_browser_session() {
        var response = BrowserSession.signedIn(port, "auditor").get("/audit/events");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment").contains("guichet-audit-trail.jsonl");
        assertThat(response.body().lines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("{").contains("\"sequence\""));
        assertThat(response.body()).contains("\"action\":\"identity.login\"");
    }

    @Test
    void each_verification_from_the_page_is_itself_audited() {
        BrowserSession auditor = BrowserSession.signedIn(port, "auditor");
        auditor.get("/audit");
        String second = auditor.get("/audit").body();
        assertThat(second).contains("<code class=\"guichet-code\">audit.chain_verified</code>");
    }

    @Test
    void the_page_shows_the_fifty_newest_events_newest_first() {
        BrowserSession admin = BrowserSession.signedIn(port, "admin");
        for (int i = 0; i < 55; i++) {
            admin.get("/audit"); // each view audits its verification: more than 50 events in all
        }
        String page = admin.get("/audit").body();
        List<Long> sequences = Pattern.compile("<tr>\\s*<td>(\\d+)</td>").matcher(page)
                .results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(sequences).hasSize(50).isSortedAccordingTo(Comparator.reverseOrder());
    }
}
