package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.testing.Texts;

/**
 * The audit trail page after someone with superuser rights altered a row so that it no longer reads as an event: the
 * page still renders, says where the chain breaks and shows the row as unreadable. A context of its own (the
 * tagline property only separates it), since the damage is not repaired.
 */
@GuichetIntegrationTest
@TestPropertySource(properties = "guichet.ui.operator-tagline=Tampered trail")
class AuditPageTamperTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_altered_row_shows_as_unreadable_and_the_chain_as_broken_where_it_is() throws SQLException {
        BrowserSession auditor = BrowserSession.signedIn(port, "auditor");
        long newest = jdbc.sql("select max(seq) from audit_event").query(Long.class).single();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica"); // the append-only trigger no longer fires
            s.execute("update audit_event set details = '{\"broken\":' where seq = " + newest);
            s.execute("set session_replication_role = origin");
        }

        var page = auditor.get("/audit?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("fr-alert--error").contains(Texts.en("audit.chain.broken"))
                .contains(Texts.en("audit.chain.broken_detail", newest))
                .contains("<code class=\"guichet-code\">hash_mismatch</code>")
                .contains(Texts.en("audit.unreadable")).contains(Texts.en("audit.unreadable_badge"));
    }
}
