package eu.guichet.optout;

import java.util.List;

/**
 * What a bulk import did. {@code identifiersRead = registered + alreadyOptedOut + rejected}; the header line and
 * blank lines are not counted. Rejected lines are listed by line number (1 = first line of the file) with a reason
 * code, at most {@link #MAX_LISTED_REJECTIONS}; the identifier itself is never echoed back.
 *
 * @param alreadyOptedOut identifiers whose person had an opt-out in effect already (including a second occurrence of
 *                        the same identifier in the file)
 */
public record BulkImportReport(OptOutImportId importId, long identifiersRead, long registered, long alreadyOptedOut,
        long rejected, List<RejectedLine> rejections, boolean rejectionsTruncated) {

    public static final int MAX_LISTED_REJECTIONS = 1_000;

    public BulkImportReport {
        rejections = List.copyOf(rejections);
    }

    /** Why a line was not imported. */
    public enum Reason {
        /** Not a national identifier's shape: 13 characters (digits, 2A/2B for Corsica) and a 2-digit key. */
        MALFORMED,
        /** The 2-digit control key does not match the 13 characters before it. */
        CONTROL_KEY
    }

    /** One refused line: its number and why (never its content). */
    public record RejectedLine(long line, Reason reason) {
    }
}
