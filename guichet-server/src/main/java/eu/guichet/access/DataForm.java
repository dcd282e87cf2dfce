package eu.guichet.access;

/** The form in which data is made available (EHDS Art. 67(2)(e), 68(10)(a)). */
public enum DataForm {
    /** Direct identifiers replaced by per-project pseudonyms; needs a justification and a GDPR legal basis. */
    PSEUDONYMISED,
    /** Quasi-identifiers generalised until every person is indistinguishable from at least k - 1 others. */
    ANONYMISED
}
