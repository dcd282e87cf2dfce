package eu.guichet.ingest;

import java.util.List;

/**
 * What happened to one delivered table: counts and quarantine reasons, never values.
 *
 * @param missingColumns schema fields absent from the CSV header
 * @param extraColumns   header columns the schema does not declare (dropped)
 * @param reasons        quarantine reasons, most frequent first
 * @param profileSample  FHIR tables: the profile validation of a sample (advisory); {@code null} when none was made
 *                       (CSV tables, sampling off, deliveries processed before it existed)
 */
public record TableOutcome(String table, long recordsRead, long recordsAccepted, long recordsRejected,
        List<String> missingColumns, List<String> extraColumns, List<QuarantineReason> reasons,
        ProfileSample profileSample) {

    public TableOutcome {
        missingColumns = List.copyOf(missingColumns);
        extraColumns = List.copyOf(extraColumns);
        reasons = List.copyOf(reasons);
    }

    /** A table without a profile validation sample. */
    public TableOutcome(String table, long recordsRead, long recordsAccepted, long recordsRejected,
            List<String> missingColumns, List<String> extraColumns, List<QuarantineReason> reasons) {
        this(table, recordsRead, recordsAccepted, recordsRejected, missingColumns, extraColumns, reasons, null);
    }
}
