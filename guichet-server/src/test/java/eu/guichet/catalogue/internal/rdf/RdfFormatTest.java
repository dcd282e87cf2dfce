package eu.guichet.catalogue.internal.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class RdfFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "NONE | TURTLE",
            "*/* | TURTLE",
            "text/turtle | TURTLE",
            "application/ld+json | JSON_LD",
            "application/rdf+xml;q=0.9, application/ld+json;q=0.5 | RDF_XML",
            "text/html, application/ld+json;q=0.8, */*;q=0.1 | JSON_LD",
            "application/json;q=1, text/turtle;q=0.2 | TURTLE",
            "text/turtle;q=0, application/rdf+xml | RDF_XML",
            "text/html | NONE"})
    void the_accept_header_picks_the_preferred_offered_format(String accept, String expected) {
        Optional<RdfFormat> expectedFormat = expected == null ? Optional.empty()
                : Optional.of(RdfFormat.valueOf(expected));

        assertThat(RdfFormat.fromAccept(accept)).isEqualTo(expectedFormat);
    }
}
