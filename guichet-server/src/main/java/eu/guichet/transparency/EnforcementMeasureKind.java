package eu.guichet.transparency;

/** What the HDAB decided against a health data user that broke the rules (EHDS Art. 63, 64). */
public enum EnforcementMeasureKind {
    /** The data permit is revoked (Art. 63(3)(a)). */
    PERMIT_REVOCATION,
    /** Processing must stop (Art. 63(3)(b)). */
    CESSATION_ORDER,
    /** Periodic penalty payments until the breach ends (Art. 63(3)). */
    PERIODIC_PENALTY,
    /** Excluded from access to health data for secondary use, for up to 5 years (Art. 63(4)). */
    EXCLUSION,
    /** An administrative fine (Art. 64). */
    ADMINISTRATIVE_FINE
}
