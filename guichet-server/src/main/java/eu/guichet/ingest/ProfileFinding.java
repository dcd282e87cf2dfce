package eu.guichet.ingest;

/**
 * One kind of finding of the profile validation of a table's sample: a rule and a place, never a value.
 *
 * @param severity  {@code fatal}, {@code error}, {@code warning} or {@code information}
 * @param messageId the FHIR validator's stable message id, or an invariant's source and key ({@code ...#obs-6})
 * @param path      the element's path without array indices (the resource type for the whole resource)
 * @param records   sampled records with this finding
 */
public record ProfileFinding(String severity, String messageId, String path, long records) {
}
