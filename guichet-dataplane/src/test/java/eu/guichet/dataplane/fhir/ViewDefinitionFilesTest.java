package eu.guichet.dataplane.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The published ViewDefinitions describe exactly the columns the flattener writes: they cannot drift apart. */
@Tag("unit")
class ViewDefinitionFilesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    record Column(String name, String path, String type) {
    }

    @Test
    void every_flattened_table_has_a_view_definition_with_the_same_columns_in_the_same_order() throws Exception {
        for (FhirView view : FhirViews.ALL) {
            JsonNode definition = read(view.name());
            assertThat(definition.path("resourceType").asText()).isEqualTo("ViewDefinition");
            assertThat(definition.path("name").asText()).isEqualTo(view.name());
            assertThat(definition.path("resource").asText()).as(view.name()).isEqualTo(view.resource());
            List<Column> published = new ArrayList<>();
            for (JsonNode select : definition.path("select")) {
                for (JsonNode c : select.path("column")) {
                    published.add(new Column(c.path("name").asText(), c.path("path").asText(),
                            c.path("type").asText()));
                }
            }
            List<Column> flattened = view.columns().stream()
                    .map(c -> new Column(c.name(), c.fhirPath(), c.derivation().viewType())).toList();
            assertThat(published).as("columns of fhir/views/%s.json", view.name()).isEqualTo(flattened);
        }
    }

    @Test
    void table_names_are_unique_and_each_resource_type_has_one_table() {
        assertThat(FhirViews.ALL).extracting(FhirView::name).doesNotHaveDuplicates();
        assertThat(FhirViews.ALL).extracting(FhirView::resource).doesNotHaveDuplicates();
    }

    private JsonNode read(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/fhir/views/" + name + ".json")) {
            assertThat(in).as("fhir/views/%s.json on the classpath", name).isNotNull();
            return mapper.readTree(in);
        }
    }
}
