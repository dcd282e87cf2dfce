package eu.guichet.catalogue.internal.rdf;

import static eu.guichet.catalogue.DatasetDescriptions.aValidNonPublicDataset;
import static eu.guichet.catalogue.internal.rdf.Records.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetDescriptions;
import eu.guichet.catalogue.LocalizedText;

@Tag("unit")
class ShaclValidatorTest {

    private static final URI IRI = URI.create("https://guichet.example.fr/datasets/FR-SNDS-DCIR");
    private static final ShaclValidator VALIDATOR = new ShaclValidator();
    private static final HealthDcatWriter WRITER = new HealthDcatWriter();

    /**
     * One row per mandatory dcat:Dataset property (sh:minCount 1 on the dataset shapes of a level): how to remove
     * it, and the field the violation must name. Removal works on the description where it can hold the absence,
     * else on the written graph.
     */
    record Mandatory(String property, Set<AccessRights> levels, String field,
            Function<DatasetDescription, DatasetDescription> remove, String graphRemoval) {

        static Mandatory all(String property, String field, Function<DatasetDescription, DatasetDescription> r) {
            return new Mandatory(property, Set.of(AccessRights.values()), field, r, null);
        }

        static Mandatory nonPublic(String property, String field,
                Function<DatasetDescription, DatasetDescription> r) {
            return new Mandatory(property, Set.of(AccessRights.NON_PUBLIC), field, r, null);
        }

        @Override
        public String toString() {
            return property + " → " + field;
        }
    }

    static final List<Mandatory> MANDATORY = List.of(
            Mandatory.all("dct:title", "title", d -> with(d, "title", LocalizedText.EMPTY)),
            Mandatory.all("dct:description", "description", d -> with(d, "description", LocalizedText.EMPTY)),
            Mandatory.all("dct:identifier", "identifier", d -> with(d, "identifier", null)),
            Mandatory.all("dct:accessRights", "accessRights", d -> with(d, "accessRights", null)),
            Mandatory.all("dcatap:applicableLegislation", "applicableLegislation",
                    d -> with(d, "applicableLegislation", List.of())),
            Mandatory.all("dcat:distribution", "distributions", d -> with(d, "distributions", List.of())),
            Mandatory.all("dcat:theme", "themes", d -> with(d, "themes", Set.of())),
            Mandatory.all("healthdcatap:healthCategory", "healthCategories",
                    d -> with(d, "healthCategories", Set.of())),
            Mandatory.all("healthdcatap:hdab", "hdab", d -> with(d, "hdab", null)),
            // a description always holds hasStructuredData (a boolean): remove the triple from the graph
            new Mandatory("healthdcatap:hasStructuredData", Set.of(AccessRights.values()), "hasStructuredData",
                    d -> d, "healthdcatap:hasStructuredData"),
            Mandatory.nonPublic("dcat:contactPoint", "contactPoint", d -> with(d, "contactPoint", null)),
            Mandatory.nonPublic("dcat:keyword", "keywords",
                    d -> with(d, "keywords", DatasetDescription.Keywords.NONE)),
            Mandatory.nonPublic("dct:type", "type", d -> with(d, "type", null)),
            Mandatory.nonPublic("dct:provenance", "provenance", d -> with(d, "provenance", LocalizedText.EMPTY)));

    @ParameterizedTest
    @EnumSource(AccessRights.class)
    void a_complete_description_conforms_at_each_level(AccessRights level) {
        DatasetDescription d = DatasetDescriptions.with(aValidNonPublicDataset(), level);

        assertThat(VALIDATOR.validate(d)).isEmpty();
    }

    static Stream<Object[]> removals() {
        return MANDATORY.stream().flatMap(m -> m.levels().stream().map(level -> new Object[] {m, level}));
    }

    @ParameterizedTest(name = "{1}: without {0}")
    @MethodSource("removals")
    void removing_a_mandatory_property_is_a_violation_on_its_field(Mandatory m, AccessRights level) {
        DatasetDescription d = m.remove().apply(DatasetDescriptions.with(aValidNonPublicDataset(), level));
        List<ShaclViolation> violations;
        if (m.graphRemoval() == null) {
            violations = VALIDATOR.validate(d);
        } else {
            Model graph = WRITER.write(d, IRI);
            graph.removeAll(null, graph.createProperty(graph.expandPrefix(m.graphRemoval())), null);
            violations = VALIDATOR.validate(graph, level);
        }

        assertThat(violations).filteredOn(ShaclViolation::blocksPublication)
                .extracting(ShaclViolation::field).contains(m.field());
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(AccessRights.class)
    void the_table_covers_every_mandatory_dataset_property_of_the_shapes(AccessRights level) {
        Model shapes = HealthDcatShapes.shared().graph(level);
        String query = """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                SELECT DISTINCT ?path WHERE {
                  ?shape sh:targetClass dcat:Dataset ; sh:property ?p .
                  ?p sh:path ?path ; sh:minCount ?n . FILTER(isIRI(?path) && ?n >= 1)
                }""";
        Set<String> fromShapes;
        try (var exec = QueryExecutionFactory.create(query, shapes)) {
            fromShapes = new java.util.HashSet<>();
            exec.execSelect().forEachRemaining(s -> fromShapes.add(shapes.shortForm(s.getResource("path").getURI())));
        }
        Set<String> inTable = MANDATORY.stream().filter(m -> m.levels().contains(level)).map(Mandatory::property)
                .collect(Collectors.toSet());

        assertThat(inTable).containsExactlyInAnyOrderElementsOf(fromShapes);
    }

    @Test
    void structured_data_without_variables_is_a_violation_on_tables() {
        DatasetDescription d = with(aValidNonPublicDataset(), "tables", List.of());

        assertThat(VALIDATOR.validate(d)).filteredOn(ShaclViolation::blocksPublication)
                .extracting(ShaclViolation::field, ShaclViolation::message)
                .contains(org.assertj.core.groups.Tuple.tuple("tables",
                        "If healthdcatap:hasStructuredData is true, the dataset must include at least one "
                                + "healthdcatap:hasVariables."));
    }

    @Test
    void unstructured_data_needs_no_variables() {
        DatasetDescription d = with(with(aValidNonPublicDataset(), "tables", List.of()), "hasStructuredData",
                false);

        assertThat(VALIDATOR.validate(d)).isEmpty();
    }

    @Test
    void results_on_nested_nodes_name_the_nested_field() {
        DatasetDescription valid = aValidNonPublicDataset();
        var distribution = with(valid.distributions().get(0), "accessUrl", null);
        var hdab = with(valid.hdab(), "contactPoint", null);
        var table = valid.tables().get(1);
        var column = with(table.columns().get(2), "description", LocalizedText.EMPTY);
        var columns = List.of(table.columns().get(0), table.columns().get(1), column);
        var tables = List.of(valid.tables().get(0), with(table, "columns", columns));
        DatasetDescription d = with(with(with(with(valid, "distributions", List.of(distribution)), "hdab", hdab),
                "tables", tables), "custodian", with(valid.custodian(), "name", null));

        assertThat(VALIDATOR.validate(d)).extracting(ShaclViolation::field).contains(
                "distributions[0].accessUrl", "tables[1].columns[2].description", "custodian.name",
                // the agent shapes are reached by sh:node from the dataset, so the result is on the dataset's hdab
                "hdab");
    }

    @Test
    void a_description_validated_at_another_level_fails_on_access_rights() {
        Model graph = WRITER.write(DatasetDescriptions.aValidPublicDataset(), IRI);

        assertThat(VALIDATOR.validate(graph, AccessRights.NON_PUBLIC))
                .extracting(ShaclViolation::field, ShaclViolation::path)
                .contains(org.assertj.core.groups.Tuple.tuple("accessRights", "dct:accessRights"));
    }
}
