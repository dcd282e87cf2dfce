package eu.guichet.dataplane.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link FhirView} as an SQL-on-FHIR v2 ViewDefinition: how each column is derived, readable by holders and
 * users. The published files under {@code fhir/views/} were written from this and a test keeps them equal to the
 * flattener's columns. Guichet-specific facts (pseudonymisation, truncation, required elements) are given as column
 * tags and descriptions, which other ViewDefinition runners ignore.
 */
final class ViewDefinitions {

    static final String TAG_DERIVATION = "guichet-derivation";
    static final String TAG_REQUIRED = "guichet-required";

    private ViewDefinitions() {
    }

    static ObjectNode toJson(FhirView view, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("resourceType", "ViewDefinition");
        root.put("name", view.name());
        root.put("status", "active");
        root.put("resource", view.resource());
        root.put("description", view.description() + " Elements not listed are never read (free text, names,"
                + " addresses, telecom, identifiers other than a Patient's national one, extensions).");
        ArrayNode columns = root.putArray("select").addObject().putArray("column");
        for (ViewColumn c : view.columns()) {
            ObjectNode column = columns.addObject();
            column.put("name", c.name());
            column.put("path", c.fhirPath());
            column.put("type", c.derivation().viewType());
            column.put("description", c.description()
                    + (c.allowed().isEmpty() ? "" : " Allowed values: " + String.join(", ", c.allowed().stream()
                            .sorted().toList()) + "."));
            ArrayNode tags = column.putArray("tag");
            tags.addObject().put("name", TAG_DERIVATION).put("value", c.derivation().name().toLowerCase());
            if (c.required()) {
                tags.addObject().put("name", TAG_REQUIRED).put("value", "true");
            }
        }
        return root;
    }
}
