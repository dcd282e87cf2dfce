package eu.guichet.dataplane.fhir;

import java.util.List;

/**
 * A flat table made from one FHIR resource type: one row per resource, the columns of its SQL-on-FHIR v2
 * ViewDefinition ({@code fhir/views/<name>.json}).
 *
 * @param name        table name in the lake, e.g. {@code observation}
 * @param resource    the FHIR resource type, e.g. {@code Observation}; its bulk file is {@code <resource>.ndjson}
 * @param description what a row is
 * @param columns     the columns, in order
 */
record FhirView(String name, String resource, String description, List<ViewColumn> columns) {

    FhirView {
        columns = List.copyOf(columns);
    }

    /** The bulk-export file name of this resource type. */
    String fileName() {
        return resource + ".ndjson";
    }

    List<String> columnNames() {
        return columns.stream().map(ViewColumn::name).toList();
    }
}
