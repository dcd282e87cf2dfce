package eu.guichet.dataplane.tabular;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

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
 * @param profileSample  FHIR tables: the profile validation of a sample of the records (advisory, never a reason to
 *                       reject); {@code null} when no sample was validated (tabular deliveries, sampling disabled,
 *                       reports written before it existed)
 */
public record TableReport(String table, String sha256, long recordsRead, long recordsAccepted, long recordsRejected,
        List<String> missingColumns, List<String> extraColumns, List<IssueCount> issues,
        @JsonInclude(JsonInclude.Include.NON_NULL) ProfileSampleReport profileSample) {

    public TableReport {
        missingColumns = List.copyOf(missingColumns);
        extraColumns = List.copyOf(extraColumns);
        issues = List.copyOf(issues);
    }

    /** A table whose records were not profile-validated. */
    public TableReport(String table, String sha256, long recordsRead, long recordsAccepted, long recordsRejected,
            List<String> missingColumns, List<String> extraColumns, List<IssueCount> issues) {
        this(table, sha256, recordsRead, recordsAccepted, recordsRejected, missingColumns, extraColumns, issues, null);
    }

    /** This report with the profile validation of its sample. */
    public TableReport withProfileSample(ProfileSampleReport sample) {
        return new TableReport(table, sha256, recordsRead, recordsAccepted, recordsRejected, missingColumns,
                extraColumns, issues, sample);
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
