package eu.guichet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * A French State service (guichet.ui.state-service=true) shows the Marianne block "République Française" in the header
 * and the footer, and the State's favicon; the operator's name and tagline come from the configuration. (Without the
 * property the block is absent: {@link ShellPagesTest}.)
 */
@GuichetIntegrationTest
@TestPropertySource(properties = { "guichet.ui.state-service=true",
        "guichet.ui.operator-name=Plateforme des données de santé",
        "guichet.ui.operator-tagline=Guichet unique des données de santé" })
class StateServiceBrandingTest {

    private static final String MARIANNE = "<p class=\"fr-logo\">République<br>Française</p>";

    @LocalServerPort
    int port;

    @Test
    void the_marianne_block_shows_in_the_header_and_the_footer_of_every_page() {
        for (String path : new String[] { "/login", "/", "/no-such-page" }) {
            String html = new Api(port).sendWithHeader("GET", path, "Accept-Language", "fr", null).body();
            assertThat(html).as(path).contains(MARIANNE);
            assertThat(html.split(java.util.regex.Pattern.quote(MARIANNE), -1)).as("header and footer of " + path)
                    .hasSize(3);
            assertThat(html).as(path).contains("/vendor/dsfr/favicon/favicon.svg");
        }
    }

    @Test
    void the_operator_named_in_the_configuration_is_in_the_header_and_the_title() {
        String login = new Api(port).sendWithHeader("GET", "/login", "Accept-Language", "fr", null).body();
        assertThat(login).contains("<p class=\"fr-header__service-title\">Plateforme des données de santé</p>")
                .contains("<p class=\"fr-header__service-tagline\">Guichet unique des données de santé</p>")
                .contains("<title>Connexion — Plateforme des données de santé</title>");
    }
}
