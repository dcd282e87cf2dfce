package eu.guichet.dataplane.tabular;

import java.util.List;

/**
 * The full FHIR profile validation of a sample of one table's records. Advisory: it never rejects a record (only a
 * sample is seen; the streaming checks decide what is accepted). Counts, message ids and paths only, never values.
 *
 * @param recordsSampled      records validated (at most the sample size per table)
 * @param oversizedSkipped    records left out of the sample because they were larger than the sample's byte bound
 * @param recordsWithErrors   sampled records with at least one {@code error} or {@code fatal} finding
 * @param recordsWithWarnings sampled records with at least one {@code warning} finding
 * @param findings            findings grouped by severity, message id and path: most severe first, then most frequent
 * @param findingsLeftOut     kinds of finding left out of {@code findings} to keep the report short (the least severe
 *                            and least frequent)
 */
public record ProfileSampleReport(long recordsSampled, long oversizedSkipped, long recordsWithErrors,
        long recordsWithWarnings, List<ProfileFinding> findings, int findingsLeftOut) {

    public ProfileSampleReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Sampled records with this finding (0 when none): a message id at a path, any severity. */
    public long records(String messageId, String path) {
        return findings.stream().filter(f -> f.messageId().equals(messageId) && f.path().equals(path))
                .mapToLong(ProfileFinding::records).max().orElse(0);
    }
}
