package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads Table Schema JSON, including the SNDS extras ({@code nomenclature}, {@code length}). */
final class TableSchemaReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableSchemaReader() {
    }

    static TableSchema read(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new TableSchemaException("The table schema is not valid JSON", e);
        }
        if (root == null || !root.isObject() || !root.path("fields").isArray()) {
            throw new TableSchemaException("A table schema is a JSON object with a 'fields' array");
        }
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : root.get("fields")) {
            fields.add(field(f));
        }
        return new TableSchema(text(root, "name"), text(root, "title"), fields, names(root.get("primaryKey")),
                root.has("missingValues") ? names(root.get("missingValues")) : null, foreignKeys(root.get("foreignKeys")));
    }

    private static Field field(JsonNode f) {
        String name = text(f, "name");
        if (name == null) {
            throw new TableSchemaException("A field has no name");
        }
        JsonNode c = f.path("constraints");
        FieldConstraints constraints = c.isObject()
                ? new FieldConstraints(c.path("required").asBoolean(false), c.path("unique").asBoolean(false),
                        integer(c, "minLength"), integer(c, "maxLength"), text(c, "pattern"),
                        c.has("enum") ? names(c.get("enum")) : null, bound(c.get("minimum")), bound(c.get("maximum")))
                : FieldConstraints.NONE;
        return new Field(name, FieldType.fromSchema(text(f, "type")), text(f, "format"), constraints,
                f.has("trueValues") ? names(f.get("trueValues")) : null,
                f.has("falseValues") ? names(f.get("falseValues")) : null,
                text(f, "description"), text(f, "nomenclature"), text(f, "length"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() && !value.isTextual()) {
            throw new TableSchemaException("Constraint " + name + " is not an integer");
        }
        try {
            return value.isTextual() ? Integer.valueOf(value.asText().trim()) : value.asInt();
        } catch (NumberFormatException e) {
            throw new TableSchemaException("Constraint " + name + " is not an integer");
        }
    }

    /** A minimum or maximum: JSON numbers keep their exact decimal text. */
    private static String bound(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }

    /** A string or an array of strings (Table Schema allows both for keys). */
    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static List<TableSchema.ForeignKey> foreignKeys(JsonNode node) {
        List<TableSchema.ForeignKey> out = new ArrayList<>();
        if (node == null || !node.isArray()) {
            return out;
        }
        for (JsonNode fk : node) {
            JsonNode reference = fk.path("reference");
            out.add(new TableSchema.ForeignKey(names(fk.get("fields")), text(reference, "resource"),
                    names(reference.get("fields"))));
        }
        return out;
    }
}
