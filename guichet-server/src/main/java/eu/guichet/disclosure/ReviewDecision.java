package eu.guichet.disclosure;

/** What an output checker decides. */
public enum ReviewDecision {
    APPROVE, REJECT, RETURN
}
