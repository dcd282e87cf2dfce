package eu.guichet.optout;

/** How an opt-out was registered. */
public enum OptOutSource {
    /** The citizen, signed in, opted out. */
    CITIZEN,
    /** The HDAB imported it in bulk (e.g. opt-outs received on paper or from another register). */
    HDAB_IMPORT
}
