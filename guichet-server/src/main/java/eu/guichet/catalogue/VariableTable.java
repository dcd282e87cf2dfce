package eu.guichet.catalogue;

import java.util.List;

/**
 * One table of a structured dataset (csvw:Table) and its columns.
 *
 * @param name the table's name in the data (e.g. {@code IR_BEN_R}); unique within its dataset
 */
public record VariableTable(String name, LocalizedText title, LocalizedText description, List<Variable> columns) {

    public VariableTable {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
