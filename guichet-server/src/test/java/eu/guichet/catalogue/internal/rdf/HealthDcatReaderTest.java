package eu.guichet.catalogue.internal.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.catalogue.DatasetDescription;

@Tag("unit")
class HealthDcatReaderTest {

    private final HealthDcatReader reader = new HealthDcatReader();

    private static final String PREFIXES = """
            @prefix dcat: <http://www.w3.org/ns/dcat#> .
            @prefix dct: <http://purl.org/dc/terms/> .
            """;

    @Test
    void malformed_turtle_is_refused_with_line_and_column() {
        String turtle = PREFIXES + "<https://x.example/d> a dcat:Dataset ;\n  dct:title \"unterminated .\n";

        assertThatThrownBy(() -> reader.read(turtle, RdfFormat.TURTLE))
                .isInstanceOfSatisfying(RdfSyntaxException.class, e -> {
                    // the unterminated string runs to the end of the input, where Jena reports it
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).startsWith("The Turtle is not well-formed at line 5, column");
                });
    }

    @Test
    void malformed_json_ld_is_refused() {
        assertThatThrownBy(() -> reader.read("{\"@context\": ", RdfFormat.JSON_LD))
                .isInstanceOf(RdfSyntaxException.class).hasMessageContaining("JSON-LD");
    }

    @Test
    void input_over_ten_megabytes_is_refused_before_parsing() {
        byte[] big = new byte[HealthDcatReader.MAX_BYTES + 1];

        assertThatThrownBy(() -> reader.read(big, RdfFormat.TURTLE))
                .isInstanceOf(RdfSyntaxException.class).hasMessageContaining("10 MB");
    }

    @Test
    void languages_other_than_french_and_english_fall_back_to_english_only_when_english_is_absent() {
        String turtle = PREFIXES + """
                <https://x.example/a> a dcat:Dataset ; dct:title "Titre"@fr, "Titel"@de, "Title"@en-GB ;
                    dct:description "Beschreibung"@de ; dcat:keyword "Gesundheit"@de, "santé"@fr .
                <https://x.example/b> a dcat:Dataset ; dct:title "Untagged", "Titel"@de .
                """;

        var datasets = reader.read(turtle, RdfFormat.TURTLE);

        DatasetDescription a = datasets.get(0).description();
        assertThat(a.title().fr()).isEqualTo("Titre");
        assertThat(a.title().en()).isEqualTo("Title");
        assertThat(a.description().en()).isEqualTo("Beschreibung");
        assertThat(a.keywords().en()).containsExactly("Gesundheit");
        assertThat(a.keywords().fr()).containsExactly("santé");
        assertThat(datasets.get(1).description().title().en()).isEqualTo("Untagged");
    }

    @Test
    void each_dataset_gets_its_own_graph() {
        String turtle = PREFIXES + """
                <https://x.example/a> a dcat:Dataset ; dct:title "A" ; dct:relation <https://x.example/b> .
                <https://x.example/b> a dcat:Dataset ; dct:title "B" .
                """;

        var datasets = reader.read(turtle, RdfFormat.TURTLE);

        assertThat(datasets).hasSize(2);
        assertThat(datasets.get(0).sourceGraph().size()).isEqualTo(3); // B's description is not in A's graph
        assertThat(datasets.get(1).sourceGraph().size()).isEqualTo(2);
    }
}
