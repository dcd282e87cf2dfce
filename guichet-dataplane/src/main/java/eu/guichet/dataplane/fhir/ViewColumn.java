package eu.guichet.dataplane.fhir;

import java.util.Set;

/**
 * One column of a flat FHIR table.
 *
 * @param name        the column name in the lake
 * @param element     the JSON path the streaming parser reads: field names joined by {@code .}, {@code [0]} for the
 *                    first element of an array (e.g. {@code code.coding[0].code})
 * @param fhirPath    the same selection as a FHIRPath expression, as published in the ViewDefinition
 * @param derivation  how the value is checked and kept
 * @param required    the record is quarantined when the element is absent
 * @param allowed     the allowed values (empty: any)
 * @param description how the column is derived, in words (published in the ViewDefinition)
 */
record ViewColumn(String name, String element, String fhirPath, Derivation derivation, boolean required,
        Set<String> allowed, String description) {

    ViewColumn {
        allowed = Set.copyOf(allowed);
    }
}
