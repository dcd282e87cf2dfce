package eu.guichet.catalogue.internal.rdf;

/**
 * One result of validating a dataset description against the HealthDCAT-AP shapes of its access level.
 *
 * @param field    the {@code DatasetDescription} component the result is about, as an editor names it:
 *                 {@code title}, {@code contactPoint}, {@code hdab.contactPoint}, {@code distributions[0].accessUrl},
 *                 {@code tables[1].columns[3].description}, ...
 * @param path     the RDF property path the shape checks (prefixed, e.g. {@code dct:title}); empty for a
 *                 constraint on the node itself
 * @param message  the shape's own sh:message, or the validator's when the shape has none
 * @param severity how serious it is; any {@link Severity#VIOLATION} blocks publication
 */
public record ShaclViolation(String field, String path, String message, Severity severity) {

    public enum Severity {
        VIOLATION, WARNING, INFO
    }

    public boolean blocksPublication() {
        return severity == Severity.VIOLATION;
    }
}
