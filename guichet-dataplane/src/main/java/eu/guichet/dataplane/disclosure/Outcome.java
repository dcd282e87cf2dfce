package eu.guichet.dataplane.disclosure;

/** What happens to a cell, from the mildest: released as is, released rounded, checked by a person, not released. */
public enum Outcome {
    PASS, ROUND, REVIEW, SUPPRESS
}
