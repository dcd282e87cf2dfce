package eu.guichet.dataplane.tabular;

import java.util.List;

/**
 * What happened to one delivered table.
 *
 * @param table          table name
 * @param sha256         SHA-256 of the delivered file (hex)
 * @param recordsRead    data records read (the header excluded)
 * @param recordsAccepted records published in the lake
 * @param recordsRejected records quarantined; {@code recordsAccepted + recordsRejected == recordsRead}
 * @param missingColumns schema fields absent from the header (their values are missing in every record)
 * @param extraColumns   header columns the schema does not declare (dropped, never published)
 * @param issues         quarantine reasons by column, most frequent first
 */
public record TableReport(String table, String sha256, long recordsRead, long recordsAccepted, long recordsRejected,
        List<String> missingColumns, List<String> extraColumns, List<IssueCount> issues) {

    public TableReport {
        missingColumns = List.copyOf(missingColumns);
        extraColumns = List.copyOf(extraColumns);
        issues = List.copyOf(issues);
    }

    /** Records quarantined for this reason on this column (0 when none). */
    public long issues(ReasonCode reason, String column) {
        return issues.stream().filter(i -> i.reason().equals(reason.code()) && i.column().equals(column))
                .mapToLong(IssueCount::records).sum();
    }

    /** Records quarantined for this reason, all columns together (a record can count on several columns). */
    public long issues(ReasonCode reason) {
        return issues.stream().filter(i -> i.reason().equals(reason.code())).mapToLong(IssueCount::records).sum();
    }
}
