package eu.guichet.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/** A citizen opts out, withdraws and opts out again through the API; the HDAB imports opt-outs in bulk. */
@GuichetIntegrationTest
class OptOutApiTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void a_citizen_opts_out_withdraws_and_opts_out_again_and_sees_the_history() {
        String citizen = Citizens.newCitizen(identity, Citizens.newNir());

        var start = api.get("/api/optouts/me", citizen);
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.json().get("optedOut").asBoolean()).isFalse();
        assertThat(start.json().get("history")).isEmpty();

        var optedOut = api.post("/api/optouts", citizen, null);
        assertThat(optedOut.status()).as(optedOut.body()).isEqualTo(201);
        assertThat(optedOut.header("Location")).endsWith("/api/optouts/me");
        assertThat(optedOut.json().get("optedOut").asBoolean()).isTrue();
        assertThat(optedOut.json().get("current").get("source").asString()).isEqualTo("CITIZEN");
        assertThat(optedOut.json().get("current").get("effectiveAt").asString()).isNotBlank();

        var again = api.post("/api/optouts", citizen, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("optout.already_opted_out");

        var withdrawn = api.send("DELETE", "/api/optouts/me", citizen, null);
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("optedOut").asBoolean()).isFalse();
        assertThat(withdrawn.json().get("history")).hasSize(1);
        assertThat(withdrawn.json().get("history").get(0).get("withdrawnAt").isNull()).isFalse();

        var withdrawnAgain = api.send("DELETE", "/api/optouts/me", citizen, null);
        assertThat(withdrawnAgain.status()).isEqualTo(409);
        assertThat(withdrawnAgain.json().get("code").asString()).isEqualTo("optout.not_opted_out");

        assertThat(api.post("/api/optouts", citizen, null).status()).isEqualTo(201);
        var history = api.get("/api/optouts/me", citizen).json();
        assertThat(history.get("optedOut").asBoolean()).isTrue();
        assertThat(history.get("history")).hasSize(2);
        assertThat(history.get("history").get(0).get("withdrawnAt").isNull()).isFalse();
        assertThat(history.get("history").get(1).get("withdrawnAt").isNull()).isTrue();
        assertThat(history.get("current").get("id").asString())
                .isEqualTo(history.get("history").get(1).get("id").asString());
    }

    @Test
    void a_citizen_account_without_national_identifier_gets_a_clear_conflict() {
        String citizen = Citizens.newCitizen(identity, null);
        for (var response : List.of(api.post("/api/optouts", citizen, null), api.get("/api/optouts/me", citizen),
                api.send("DELETE", "/api/optouts/me", citizen, null))) {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("optout.no_national_identifier");
        }
        var page = eu.guichet.testing.BrowserSession.signedIn(port, citizen).get("/optout?lang=en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"no-national-identifier\"")
                .contains(eu.guichet.testing.Texts.en("optout.no_identifier.title"))
                .doesNotContain("id=\"optout\"").doesNotContain("id=\"withdraw\"");
        var submitted = eu.guichet.testing.BrowserSession.signedIn(port, citizen).submit("/optout", "/optout",
                java.util.Map.of("confirm", "yes"));
        assertThat(submitted.statusCode()).isEqualTo(302);
    }

    @Test
    void the_hdab_imports_opt_outs_and_gets_a_report_that_never_echoes_an_identifier() {
        String optedOutAlready = Citizens.newNir();
        String optedOutCitizen = Citizens.newCitizen(identity, optedOutAlready);
        assertThat(api.post("/api/optouts", optedOutCitizen, null).status()).isEqualTo(201);
        String importedNir = Citizens.newNir();
        String importedCitizen = Citizens.newCitizen(identity, importedNir);
        String other = Citizens.newNir();
        String badKey = other.substring(0, 13) + String.format("%02d", (Citizens.key(other.substring(0, 13)) % 97) + 1);
        String third = Citizens.newNir();
        String csv = String.join("\r\n",
                "national_id",                 // 1 header
                Citizens.spaced(importedNir),  // 2 registered (spaces as people write them)
                other,                          // 3 registered
                "",                             // 4 blank: skipped
                optedOutAlready,                // 5 already opted out
                badKey,                         // 6 control key
                "not an identifier 123",        // 7 malformed
                "\"" + third + "\"",            // 8 registered (quoted)
                other,                          // 9 the same person again: already opted out
                "1".repeat(500))                // 10 far too long: malformed
                + "\r\n";

        var response = api.send("POST", "/api/optouts/bulk", "admin", csv, "text/csv");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var report = response.json();
        assertThat(report.get("identifiersRead").asLong()).isEqualTo(8);
        assertThat(report.get("registered").asLong()).isEqualTo(3);
        assertThat(report.get("alreadyOptedOut").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("rejections").valueStream()
                .map(r -> r.get("line").asLong() + ":" + r.get("reason").asString()).toList())
                .containsExactly("6:CONTROL_KEY", "7:MALFORMED", "10:MALFORMED");
        assertThat(report.get("rejectionsTruncated").asBoolean()).isFalse();
        for (String nir : List.of(importedNir, other, optedOutAlready, badKey, third)) {
            assertThat(response.body()).doesNotContain(nir).doesNotContain(nir.substring(0, 13));
        }

        var imported = api.get("/api/optouts/me", importedCitizen).json();
        assertThat(imported.get("optedOut").asBoolean()).isTrue();
        assertThat(imported.get("current").get("source").asString()).isEqualTo("HDAB_IMPORT");
        assertThat(api.get("/api/optouts/me", optedOutCitizen).json().get("history")).hasSize(1);
    }

    @Test
    void the_bulk_import_takes_csv_only_as_the_openapi_document_says() {
        var json = api.post("/api/optouts/bulk", "admin", "{\"nirs\": []}");
        assertThat(json.status()).isEqualTo(415);
        var bulk = api.get("/v3/api-docs", null).json().get("paths").get("/api/optouts/bulk").get("post");
        assertThat(bulk.get("requestBody").get("content").has("text/csv")).isTrue();
        assertThat(bulk.get("parameters") == null || bulk.get("parameters").isEmpty()).as(bulk.toString()).isTrue();
    }
}
