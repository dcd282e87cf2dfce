package eu.guichet.catalogue.internal.variables;

import java.util.List;

import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes tables of variables as CSV on the Web metadata (a table group), the format {@link CsvwImport} reads: what a
 * holder downloads to edit the variables of a dataset offline. Texts are language maps ({@code fr}, {@code en});
 * each table's {@code url} is its name with {@code .csv}. Code values have no CSVW property and are not written.
 */
public final class CsvwExport {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CsvwExport() {
    }

    /** The CSVW metadata document, pretty-printed. */
    public static String write(List<VariableTable> tables) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("@context", "http://www.w3.org/ns/csvw");
        var tablesNode = root.putArray("tables");
        for (VariableTable table : tables) {
            ObjectNode t = tablesNode.addObject();
            t.put("url", table.name() + ".csv");
            putText(t, "dc:title", table.title());
            putText(t, "dc:description", table.description());
            var columns = t.putObject("tableSchema").putArray("columns");
            for (Variable variable : table.columns()) {
                ObjectNode c = columns.addObject();
                c.put("name", variable.name());
                putText(c, "titles", variable.title());
                putText(c, "dc:description", variable.description());
                c.put("datatype", variable.datatype() == null ? "string" : variable.datatype());
                if (variable.propertyUrl() != null) {
                    c.put("propertyUrl", variable.propertyUrl().toString());
                }
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void putText(ObjectNode node, String member, LocalizedText text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ObjectNode map = node.putObject(member);
        if (text.fr() != null) {
            map.put("fr", text.fr());
        }
        if (text.en() != null) {
            map.put("en", text.en());
        }
    }
}
