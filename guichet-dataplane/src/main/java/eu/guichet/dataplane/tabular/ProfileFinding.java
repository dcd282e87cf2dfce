package eu.guichet.dataplane.tabular;

/**
 * One kind of finding of the profile validation of a sample, and how many sampled records have it. It names a rule
 * and a place, never what the record holds: the validator's message text is not kept (it can quote values, codes and
 * names).
 *
 * @param severity  the FHIR issue severity: {@code fatal}, {@code error}, {@code warning} or {@code information}
 * @param messageId the validator's stable message id (e.g. {@code Terminology_TX_NoValid_2_CC}), or for a FHIRPath
 *                  invariant the constraint's source and key (e.g.
 *                  {@code http://hl7.org/fhir/StructureDefinition/Observation#obs-6})
 * @param path      the element's path with array indices removed (e.g. {@code Observation.component.code}), or the
 *                  resource type when the finding is about the whole resource
 * @param records   sampled records with this finding (a record counts once however often it has it)
 */
public record ProfileFinding(String severity, String messageId, String path, long records) {
}
