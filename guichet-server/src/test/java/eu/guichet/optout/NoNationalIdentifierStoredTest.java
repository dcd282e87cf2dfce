package eu.guichet.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Api;
import eu.guichet.testing.BrowserSession;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Security: the national identifiers citizens and the HDAB hand to the opt-out register end up nowhere in the
 * database but in the one column made for them, {@code app_user.national_id}. After opting out, withdrawing, a bulk
 * import through the API and one through the page, every text-like column of every table (audit details and the event
 * publication registry included) is searched for each identifier, as given and normalised, and for its first 13
 * characters.
 */
@GuichetIntegrationTest
class NoNationalIdentifierStoredTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    JdbcClient jdbc;

    @Test
    void no_national_identifier_is_stored_outside_the_account_column() {
        Api api = new Api(port);
        List<String> nirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nirs.add(Citizens.newNir());
        }
        String first = Citizens.newCitizen(identity, nirs.get(0));
        String second = Citizens.newCitizen(identity, Citizens.spaced(nirs.get(1)));
        assertThat(api.post("/api/optouts", first, null).status()).isEqualTo(201);
        assertThat(api.send("DELETE", "/api/optouts/me", first, null).status()).isEqualTo(200);
        assertThat(api.post("/api/optouts", first, null).status()).isEqualTo(201);
        assertThat(api.post("/api/optouts", second, null).status()).isEqualTo(201);
        List<String> imported = List.of(Citizens.newNir(), Citizens.newNir());
        nirs.addAll(imported);
        String csv = "nir\n" + Citizens.spaced(imported.get(0)) + "\n" + nirs.get(1) + "\n"
                + nirs.get(2).substring(0, 13) + "00\n";
        assertThat(api.send("POST", "/api/optouts/bulk", "admin", csv, "text/csv").status()).isEqualTo(200);
        String pageImport = Citizens.newNir();
        nirs.add(pageImport);
        BrowserSession admin = BrowserSession.signedIn(port, "admin");
        var page = admin.upload("/hdab/optouts", "/hdab/optouts", "file", "optouts.csv", "text/csv",
                (imported.get(1) + "\n" + pageImport + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(302);

        String anyForm = nirs.stream().flatMap(n -> List.of(n, n.substring(0, 13), Citizens.spaced(n)).stream())
                .collect(Collectors.joining("|"));
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_schema, table_name, column_name, data_type from information_schema.columns
                where table_schema not in ('pg_catalog', 'information_schema')
                  and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
                """).query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String where = column.get("table_schema") + "." + column.get("table_name") + "." + column.get("column_name");
            if (where.equals("public.app_user.national_id")) {
                continue;
            }
            long hits = hits(column, anyForm);
            if (hits > 0) {
                found.add(where + " (" + hits + " rows)");
            }
        }
        assertThat(columns).as("text columns scanned").hasSizeGreaterThan(20);
        assertThat(columns.stream().map(c -> c.get("table_name")).toList()).contains("opt_out", "audit_event",
                "event_publication", "app_user");
        assertThat(found).as("columns holding a national identifier").isEmpty();
        // the same scan finds them in the one column made for them: it can fail
        assertThat(hits(Map.of("table_schema", "public", "table_name", "app_user", "column_name", "national_id",
                "data_type", "text"), anyForm)).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from opt_out").query(Long.class).single()).isGreaterThanOrEqualTo(6);
    }

    private long hits(Map<String, Object> column, String regex) {
        String name = "\"" + column.get("column_name") + "\"";
        String value = "bytea".equals(column.get("data_type")) ? "encode(" + name + ", 'escape')" : name + "::text";
        return jdbc.sql("select count(*) from \"" + column.get("table_schema") + "\".\"" + column.get("table_name")
                + "\" where " + value + " ~ ?").param(regex).query(Long.class).single();
    }
}
