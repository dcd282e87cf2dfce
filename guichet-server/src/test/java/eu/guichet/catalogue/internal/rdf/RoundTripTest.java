package eu.guichet.catalogue.internal.rdf;

import static eu.guichet.catalogue.DatasetDescriptions.aValidNonPublicDataset;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetDescriptions;
import eu.guichet.catalogue.LocalizedText;

@Tag("unit")
class RoundTripTest {

    private static final URI IRI = URI.create("https://guichet.example.fr/datasets/FR-SNDS-DCIR");
    private final HealthDcatWriter writer = new HealthDcatWriter();
    private final HealthDcatReader reader = new HealthDcatReader();

    @ParameterizedTest
    @EnumSource(RdfFormat.class)
    void a_description_read_back_from_its_rdf_is_equal(RdfFormat format) {
        DatasetDescription d = aValidNonPublicDataset();

        List<ImportedDataset> read = reader.read(writer.serialise(writer.write(d, IRI), format), format);

        assertThat(read).singleElement().satisfies(imported -> {
            assertThat(imported.iri()).isEqualTo(IRI);
            assertThat(imported.description()).isEqualTo(d);
        });
    }

    @Test
    void every_component_of_the_test_description_is_filled_so_the_round_trip_covers_it() {
        DatasetDescription d = aValidNonPublicDataset();

        for (var component : DatasetDescription.class.getRecordComponents()) {
            if (component.getType().isPrimitive()) {
                continue;
            }
            Object value = Records.with(d, component.getName(), null).equals(d) ? null : "differs";
            assertThat(value).as(component.getName()).isNotNull();
        }
        assertThat(d.trustedHolder()).isTrue();
        assertThat(d.hasStructuredData()).isTrue();
        assertThat(d.tables().get(1).columns().get(2).codeValues()).isNotEmpty();
        assertThat(d.contactPoint().telephone()).isNotNull();
    }

    @Test
    void sparse_descriptions_round_trip_too() {
        DatasetDescription sparse = new DatasetDescription(null, LocalizedText.of(null, "Only a title"), null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, false, null, null, null, null, null, null, null, false, null);

        DatasetDescription read = reader.read(writer.write(sparse, IRI)).get(0).description();

        assertThat(read).isEqualTo(sparse);
    }

    @Test
    void the_official_example_written_back_is_its_held_projection() {
        Model example = parse(Examples.bytes(Examples.DATASET));
        ImportedDataset imported = reader.read(example).get(0);

        Model written = writer.write(imported.description(), imported.iri());

        Model expected = HeldProperties.project(example.getResource(imported.iri().toString()));
        Model actual = HeldProperties.project(written.getResource(imported.iri().toString()));
        assertThat(actual.isIsomorphicWith(expected))
                .as("written:%n%s%nexpected:%n%s", writer.serialise(actual, RdfFormat.TURTLE),
                        writer.serialise(expected, RdfFormat.TURTLE))
                .isTrue();
        // and nothing Guichet writes falls outside the projection, apart from the derived table-group title
        assertThat(written.size()).isEqualTo(actual.size() + 1);
    }

    @Test
    void json_ld_and_rdf_xml_parse_back_isomorphic_to_turtle() {
        Model model = writer.write(aValidNonPublicDataset(), IRI);
        Model fromTurtle = parse(writer.serialise(model, RdfFormat.TURTLE).getBytes(StandardCharsets.UTF_8));

        for (RdfFormat format : List.of(RdfFormat.JSON_LD, RdfFormat.RDF_XML)) {
            Model parsed = ModelFactory.createDefaultModel();
            RDFParser.fromString(writer.serialise(model, format), format.lang()).parse(parsed);
            assertThat(parsed.isIsomorphicWith(fromTurtle)).as(format.name()).isTrue();
        }
    }

    @Test
    void json_ld_is_compacted_with_the_healthdcat_prefixes() {
        String json = writer.serialise(writer.write(aValidNonPublicDataset(), IRI), RdfFormat.JSON_LD);

        assertThat(json).contains("\"@context\"").contains("\"healthdcatap\"").contains("dcat:Dataset");
    }

    private static Model parse(byte[] turtle) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(new String(turtle, StandardCharsets.UTF_8), Lang.TURTLE).parse(model);
        return model;
    }
}
