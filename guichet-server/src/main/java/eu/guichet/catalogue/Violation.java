package eu.guichet.catalogue;

/**
 * One result of validating a description against the HealthDCAT-AP shapes of its access level.
 *
 * @param field    the {@link DatasetDescription} field it is about, e.g. {@code title},
 *                 {@code distributions[0].accessUrl}, {@code tables[1].columns[3].description}; the editor shows
 *                 the message next to that field
 * @param message  the shape's own message
 * @param blocking a SHACL violation: submission and publication are refused while any remains (warnings are not)
 */
public record Violation(String field, String message, boolean blocking) {
}
