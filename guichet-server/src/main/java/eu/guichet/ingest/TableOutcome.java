package eu.guichet.ingest;

import java.util.List;

/**
 * What happened to one delivered table: counts and quarantine reasons, never values.
 *
 * @param missingColumns schema fields absent from the CSV header
 * @param extraColumns   header columns the schema does not declare (dropped)
 * @param reasons        quarantine reasons, most frequent first
 */
public record TableOutcome(String table, long recordsRead, long recordsAccepted, long recordsRejected,
        List<String> missingColumns, List<String> extraColumns, List<QuarantineReason> reasons) {

    public TableOutcome {
        missingColumns = List.copyOf(missingColumns);
        extraColumns = List.copyOf(extraColumns);
        reasons = List.copyOf(reasons);
    }
}
