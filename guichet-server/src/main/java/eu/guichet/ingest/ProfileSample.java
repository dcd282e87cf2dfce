package eu.guichet.ingest;

import java.util.List;

/**
 * The full FHIR profile validation of a sample of one table's records (docs/reference/fhir-tables.md). Advisory: it
 * never rejected a record. Counts, message ids and paths, never values.
 *
 * @param recordsSampled      records validated
 * @param oversizedSkipped    records left out of the sample for their size
 * @param recordsWithErrors   sampled records with an {@code error} or {@code fatal} finding
 * @param recordsWithWarnings sampled records with a {@code warning} finding
 * @param findings            by severity, message id and path; most severe, then most frequent first
 * @param findingsLeftOut     kinds of finding left out to keep the report short
 */
public record ProfileSample(long recordsSampled, long oversizedSkipped, long recordsWithErrors,
        long recordsWithWarnings, List<ProfileFinding> findings, int findingsLeftOut) {

    public ProfileSample {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
