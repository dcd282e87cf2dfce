package eu.guichet.catalogue.internal.variables;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.Variable.CodeValue;
import eu.guichet.catalogue.VariableTable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Frictionless Table Schema (JSON) into a {@link VariableTable}: one table, one variable per field. This is
 * the format of the public SNDS schemas (schema-snds), whose texts are French, so titles and descriptions go to
 * {@link LocalizedText#fr()}.
 *
 * <p>Mapping:
 * <ul>
 * <li>table name: the schema's {@code name}, else the file name without {@code .json}; table title and description:
 * {@code title}, {@code description} (+ SNDS {@code observation} and the primary key);</li>
 * <li>column title: the field's {@code title}, else its {@code description} (SNDS fields only have a short
 * description), else its name; column description: the field's {@code description}, then the SNDS management rule
 * ({@code regle_gestion}), {@code observation} and nomenclature, one paragraph each; never empty (falls back to the
 * title);</li>
 * <li>datatype: the Table Schema {@code type} as a CSVW built-in datatype ({@link #csvwDatatype(String)});</li>
 * <li>{@code constraints.enum} becomes the column's code values (codes without labels; blank codes dropped);</li>
 * <li>an SNDS {@code nomenclature} other than {@code -} (e.g. {@code IR_SEX_V} or {@code IR_BER_V:BEN_RNG_GEM}, the
 * table of values and optionally its code column) is named in the description, and becomes the column's
 * {@code propertyUrl} ({@code <nomenclatureBase><table>}) when a nomenclature base URI is given: the SNDS
 * nomenclatures are value tables, not published concept schemes, so without a base there is no IRI to give;</li>
 * <li>{@code format}, {@code length}, {@code type_oracle}, {@code minimum}/{@code maximum}, and dates of creation or
 * deletion are not kept.</li>
 * </ul>
 */
public final class TableSchemaImport {

    private static final Pattern NOMENCLATURE_TABLE = Pattern.compile("[A-Za-z0-9_]+");

    private static final Map<String, String> DATATYPES = Map.of(
            "string", "string", "integer", "integer", "number", "decimal", "boolean", "boolean",
            "date", "date", "datetime", "dateTime", "year", "gYear", "yearmonth", "gYearMonth", "time", "time");

    private final URI nomenclatureBase;

    /** An import that names nomenclatures in descriptions only. */
    public TableSchemaImport() {
        this(null);
    }

    /**
     * @param nomenclatureBase prefix of the IRI given as {@code propertyUrl} to a column with an SNDS nomenclature
     *                         (e.g. {@code https://guichet.example.fr/nomenclatures/snds/}), or {@code null}
     */
    public TableSchemaImport(URI nomenclatureBase) {
        this.nomenclatureBase = nomenclatureBase;
    }

    /** Reads the schema from {@code in} (the caller closes it); {@code fileName} names the file in error messages. */
    public VariableTable read(InputStream in, String fileName) {
        return toTable(JsonInput.readObject(in, fileName), fileName);
    }

    public VariableTable read(byte[] json, String fileName) {
        return toTable(JsonInput.readObject(json, fileName), fileName);
    }

    /** The CSVW built-in datatype name for a Table Schema type; {@code string} for types CSVW lacks. */
    public static String csvwDatatype(String tableSchemaType) {
        return tableSchemaType == null ? "string" : DATATYPES.getOrDefault(tableSchemaType, "string");
    }

    private VariableTable toTable(JsonNode schema, String fileName) {
        String name = JsonInput.text(schema, "name").orElseGet(() -> baseName(fileName));
        if (name.isBlank()) {
            throw new VariableImportException(fileName, "", "has no name and the file name gives none");
        }
        JsonNode fields = schema.get("fields");
        if (fields == null || !fields.isArray()) {
            throw new VariableImportException(fileName, "", "has no fields array");
        }
        if (fields.isEmpty()) {
            throw new VariableImportException(fileName, "fields", "is empty: a table needs at least one field");
        }
        List<Variable> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            columns.add(toVariable(fields.get(i), fileName, "fields[" + i + "]"));
        }
        Duplicates.check(columns.stream().map(Variable::name).toList(), fileName, "fields", "column");
        return new VariableTable(name, LocalizedText.of(JsonInput.text(schema, "title").orElse(null), null),
                LocalizedText.of(tableDescription(schema), null), columns);
    }

    private Variable toVariable(JsonNode field, String fileName, String location) {
        if (!field.isObject()) {
            throw new VariableImportException(fileName, location, "is not an object");
        }
        String name = JsonInput.text(field, "name")
                .orElseThrow(() -> new VariableImportException(fileName, location, "has no name"));
        Optional<String> description = JsonInput.text(field, "description");
        String title = JsonInput.text(field, "title").or(() -> description).orElse(name);
        Optional<String> nomenclature = JsonInput.text(field, "nomenclature").filter(n -> !"-".equals(n));

        List<String> paragraphs = new ArrayList<>();
        description.ifPresent(paragraphs::add);
        JsonInput.text(field, "regle_gestion").ifPresent(r -> paragraphs.add("Règle de gestion : " + r));
        JsonInput.text(field, "observation").ifPresent(o -> paragraphs.add("Observation : " + o));
        nomenclature.ifPresent(n -> paragraphs.add("Nomenclature : " + n));
        String fullDescription = paragraphs.isEmpty() ? title : String.join("\n\n", paragraphs);

        JsonNode type = field.get("type");
        if (type != null && !type.isNull() && !type.isString()) {
            throw new VariableImportException(fileName, location + ".type", "is not a string");
        }
        return new Variable(name, LocalizedText.of(title, null), LocalizedText.of(fullDescription, null),
                csvwDatatype(type == null ? null : type.stringValue()), nomenclature.map(this::propertyUrl).orElse(null),
                codeValues(field, fileName, location));
    }

    private List<CodeValue> codeValues(JsonNode field, String fileName, String location) {
        JsonNode constraints = field.get("constraints");
        if (constraints == null || !constraints.isObject() || !constraints.has("enum")) {
            return List.of();
        }
        JsonNode values = constraints.get("enum");
        if (!values.isArray()) {
            throw new VariableImportException(fileName, location + ".constraints.enum", "is not an array");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode value : values) {
            if (value.isValueNode() && !value.isNull() && !value.asString().isBlank()) {
                codes.add(value.asString().strip());
            }
        }
        return codes.stream().map(code -> new CodeValue(code, null)).toList();
    }

    private URI propertyUrl(String nomenclature) {
        String table = nomenclature.split(":", 2)[0].strip();
        if (nomenclatureBase == null || !NOMENCLATURE_TABLE.matcher(table).matches()) {
            return null;
        }
        return URI.create(nomenclatureBase + table);
    }

    private static String tableDescription(JsonNode schema) {
        List<String> paragraphs = new ArrayList<>();
        JsonInput.text(schema, "description").ifPresent(paragraphs::add);
        JsonInput.text(schema, "observation").ifPresent(paragraphs::add);
        JsonNode key = schema.get("primaryKey");
        if (key != null && key.isString() && !key.stringValue().isBlank()) {
            paragraphs.add("Clé primaire : " + key.stringValue().strip());
        } else if (key != null && key.isArray() && !key.isEmpty()) {
            List<String> names = new ArrayList<>();
            key.forEach(k -> names.add(k.asString()));
            paragraphs.add("Clé primaire : " + String.join(", ", names));
        }
        return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    private static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        return base.endsWith(".json") ? base.substring(0, base.length() - ".json".length()) : base;
    }
}
