package eu.guichet.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who is sent to the human pages (303) and who gets RDF at the catalogue's and datasets' IRIs. */
@Tag("unit")
class HarvestNegotiationTest {

    @ParameterizedTest(name = "{0} → html: {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true",
            "text/turtle                                                   | false",
            "*/*                                                           | false",
            "application/ld+json, text/html;q=0.5                          | false",
            "text/html;q=0.9, text/turtle;q=0.9                            | false",
            "text/turtle;q=0.2, text/html                                  | true",
            "application/rdf+xml;q=bad, text/html;q=0.1                    | true",
            "''                                                            | false" })
    void a_browser_prefers_html_and_a_harvester_does_not(String accept, boolean html) {
        assertThat(HarvestController.prefersHtml(accept)).isEqualTo(html);
    }
}
