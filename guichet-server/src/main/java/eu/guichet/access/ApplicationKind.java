package eu.guichet.access;

/** What is asked: access to data in a secure processing environment, or only an anonymised statistical answer. */
public enum ApplicationKind {
    /** A data access application (EHDS Art. 67): the permit lets named persons process data in the SPE. */
    DATA_ACCESS,
    /** A data request (Art. 69): the HDAB computes and releases checked anonymised statistics; no data is seen. */
    DATA_REQUEST
}
