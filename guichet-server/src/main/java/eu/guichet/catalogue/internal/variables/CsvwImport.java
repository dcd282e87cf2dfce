package eu.guichet.catalogue.internal.variables;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;
import tools.jackson.databind.JsonNode;

/**
 * Reads CSV on the Web metadata (JSON) into {@link VariableTable}s: a table group ({@code tables[]}) or a single
 * table (top-level {@code tableSchema}). Each table's name is the file name of its {@code url} without extension;
 * its title and description come from {@code dc:title}/{@code dct:title}/{@code title} and
 * {@code dc:description}/{@code dct:description}/{@code description}.
 *
 * <p>Each non-virtual column gives a variable: {@code name} (else its first title), {@code titles},
 * {@code dc:description} (else {@code dct:description}, {@code description}, {@code rdfs:comment}; else its title),
 * {@code datatype} (a built-in name, an XSD IRI or an object with {@code base}; {@code string} when absent) and
 * {@code propertyUrl} (kept when it is an absolute IRI, dropped when it is a URI template such as
 * {@code {#_name}}). Untagged texts are taken in the document's {@code @language} (from {@code @context}), else in
 * the import's default language. A schema given by reference ({@code "tableSchema": "schema.json"}) is refused: the
 * file must be self-contained.
 */
public final class CsvwImport {

    /** CSVW built-in datatypes (CSV on the Web, metadata vocabulary, section 5.11.1). */
    static final Set<String> BUILT_IN_DATATYPES = Set.of("anyAtomicType", "anyURI", "base64Binary", "boolean", "date",
            "dateTime", "dateTimeStamp", "decimal", "integer", "long", "int", "short", "byte", "nonNegativeInteger",
            "positiveInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "nonPositiveInteger",
            "negativeInteger", "double", "duration", "dayTimeDuration", "yearMonthDuration", "float", "gDay",
            "gMonth", "gMonthDay", "gYear", "gYearMonth", "hexBinary", "QName", "string", "normalizedString",
            "token", "language", "Name", "NMTOKEN", "xml", "html", "json", "time", "number", "binary", "datetime",
            "any");

    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private final String defaultLanguage;

    /** An import that reads untagged texts as French, unless the document says otherwise. */
    public CsvwImport() {
        this("fr");
    }

    /** @param defaultLanguage {@code fr} or {@code en}: the language of untagged texts, unless the document says */
    public CsvwImport(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /** Reads the metadata from {@code in} (the caller closes it); {@code fileName} names it in error messages. */
    public List<VariableTable> read(InputStream in, String fileName) {
        return toTables(JsonInput.readObject(in, fileName), fileName);
    }

    public List<VariableTable> read(byte[] json, String fileName) {
        return toTables(JsonInput.readObject(json, fileName), fileName);
    }

    private List<VariableTable> toTables(JsonNode root, String fileName) {
        String language = primary(documentLanguage(root.get("@context")).orElse(defaultLanguage));
        List<VariableTable> tables = new ArrayList<>();
        if (root.has("tables")) {
            JsonNode array = root.get("tables");
            if (!array.isArray() || array.isEmpty()) {
                throw new VariableImportException(fileName, "tables", "is not a non-empty array");
            }
            for (int i = 0; i < array.size(); i++) {
                String location = "tables[" + i + "]";
                if (!array.get(i).isObject()) {
                    throw new VariableImportException(fileName, location, "is not an object");
                }
                tables.add(toTable(array.get(i), fileName, location, language, null));
            }
        } else if (root.has("tableSchema")) {
            tables.add(toTable(root, fileName, "", language, baseName(fileName)));
        } else {
            throw new VariableImportException(fileName, "", "has neither tables nor tableSchema");
        }
        Duplicates.check(tables.stream().map(VariableTable::name).toList(), fileName, "tables", "table");
        return tables;
    }

    private VariableTable toTable(JsonNode table, String fileName, String location, String language,
            String fallbackName) {
        String name = JsonInput.text(table, "url").map(CsvwImport::baseName).filter(n -> !n.isBlank())
                .or(() -> Optional.ofNullable(fallbackName))
                .orElseThrow(() -> new VariableImportException(fileName, location, "has no url"));
        String schemaLocation = join(location, "tableSchema");
        JsonNode schema = table.get("tableSchema");
        if (schema == null || schema.isNull()) {
            throw new VariableImportException(fileName, location.isEmpty() ? "" : location, "has no tableSchema");
        }
        if (schema.isString()) {
            throw new VariableImportException(fileName, schemaLocation,
                    "refers to another file; include the table schema in this file");
        }
        JsonNode columns = schema.get("columns");
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw new VariableImportException(fileName, schemaLocation, "has no columns");
        }
        List<Variable> variables = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            String columnLocation = schemaLocation + ".columns[" + i + "]";
            if (!column.isObject()) {
                throw new VariableImportException(fileName, columnLocation, "is not an object");
            }
            if (!column.path("virtual").asBoolean(false)) {
                variables.add(toVariable(column, fileName, columnLocation, language));
            }
        }
        if (variables.isEmpty()) {
            throw new VariableImportException(fileName, schemaLocation, "has only virtual columns");
        }
        Duplicates.check(variables.stream().map(Variable::name).toList(), fileName, schemaLocation + ".columns",
                "column");
        return new VariableTable(name, orEmpty(firstText(table, language, "dc:title", "dct:title", "title")),
                orEmpty(firstText(table, language, "dc:description", "dct:description", "description")), variables);
    }

    private Variable toVariable(JsonNode column, String fileName, String location, String language) {
        LocalizedText titles = NaturalLanguage.read(column.get("titles"), language);
        String name = JsonInput.text(column, "name")
                .or(() -> Optional.ofNullable(titles).map(t -> t.in(java.util.Locale.forLanguageTag(language))))
                .orElseThrow(() -> new VariableImportException(fileName, location, "has neither name nor titles"));
        LocalizedText title = titles != null ? titles : LocalizedText.of(language.equals("en") ? null : name,
                language.equals("en") ? name : null);
        LocalizedText description = firstText(column, language, "dc:description", "dct:description", "description",
                "rdfs:comment");
        return new Variable(name, title, description == null ? title : description,
                datatype(column.get("datatype"), fileName, location + ".datatype"),
                propertyUrl(column.get("propertyUrl"), fileName, location + ".propertyUrl"), List.of());
    }

    private static String datatype(JsonNode node, String fileName, String location) {
        if (node == null || node.isNull()) {
            return "string";
        }
        JsonNode base = node.isObject() ? node.get("base") : node;
        if (node.isObject() && base == null) {
            return "string";
        }
        if (base == null || !base.isString()) {
            throw new VariableImportException(fileName, location, "is neither a datatype name nor an object with base");
        }
        String name = base.stringValue().strip();
        if (name.startsWith(XSD)) {
            name = name.substring(XSD.length());
        }
        if (!BUILT_IN_DATATYPES.contains(name)) {
            throw new VariableImportException(fileName, location, "is not a CSVW built-in datatype: " + name);
        }
        return name;
    }

    private static URI propertyUrl(JsonNode node, String fileName, String location) {
        if (node == null || !node.isString() || node.stringValue().isBlank() || node.stringValue().contains("{")) {
            return null;
        }
        try {
            URI uri = new URI(node.stringValue().strip());
            if (!uri.isAbsolute()) {
                throw new VariableImportException(fileName, location, "is not an absolute IRI");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new VariableImportException(fileName, location, "is not a valid IRI");
        }
    }

    private static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? LocalizedText.EMPTY : text;
    }

    private static LocalizedText firstText(JsonNode node, String language, String... members) {
        for (String member : members) {
            LocalizedText text = NaturalLanguage.read(node.get(member), language);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** The {@code @language} of a CSVW {@code @context} ({@code ["http://www.w3.org/ns/csvw", {"@language": "en"}]}). */
    private static Optional<String> documentLanguage(JsonNode context) {
        if (context != null && context.isArray()) {
            for (JsonNode element : context) {
                if (element.isObject() && element.path("@language").isString()) {
                    return Optional.of(element.get("@language").stringValue());
                }
            }
        }
        return Optional.empty();
    }

    private static String primary(String languageTag) {
        return languageTag.toLowerCase(java.util.Locale.ROOT).split("-", 2)[0];
    }

    private static String join(String location, String member) {
        return location.isEmpty() ? member : location + "." + member;
    }

    /** {@code data/patient.csv} → {@code patient}. */
    static String baseName(String path) {
        if (path == null) {
            return "";
        }
        String withoutQuery = path.split("[?#]", 2)[0];
        String base = withoutQuery.substring(Math.max(withoutQuery.lastIndexOf('/'), withoutQuery.lastIndexOf('\\'))
                + 1);
        int dot = base.indexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
