package eu.guichet.access;

/**
 * One finding of the automatic screening of a submission.
 *
 * @param code     stable code; its text is the message {@code screening.<code>} in the bundles
 * @param field    the form field it is about ({@link ApplicationForm} component name), or the rule's subject
 * @param severity what it does to the submission
 * @param basis    the legal provision the rule applies
 */
public record ScreeningFinding(String code, String field, Severity severity, String basis) {

    public enum Severity {
        /** A required field is missing: the application is incomplete (Art. 68(4)). */
        INCOMPLETE,
        /** Not allowed as written (e.g. a purpose reserved to public bodies): the applicant must change it. */
        NOT_ALLOWED,
        /** Shown to the reviewer, who decides (e.g. words that may describe an Art. 54 prohibited use). */
        FLAG
    }

    /** Whether the finding sends the application back to the applicant. */
    public boolean blocks() {
        return severity != Severity.FLAG;
    }
}
