package eu.guichet.dataplane.tabular;

/** What happens to a column of direct identifiers before anything reaches the lake. */
public enum ColumnTreatment {
    /** Replaced by its national pseudonym (NIR, INS, SNDS {@code BEN_NIR_PSA}): links across holders. */
    NATIONAL_ID,
    /** Replaced by a pseudonym in the delivering holder's own space (its patient numbers). */
    HOLDER_PATIENT_ID,
    /** Removed: names, addresses, phone numbers, e-mail addresses, free text. */
    REMOVE,
    /** An exact birth date kept only as its year. */
    BIRTH_DATE_TO_YEAR;

    boolean pseudonymised() {
        return this == NATIONAL_ID || this == HOLDER_PATIENT_ID;
    }
}
