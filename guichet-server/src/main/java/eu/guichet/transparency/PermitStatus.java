package eu.guichet.transparency;

/** A permit as the register shows it: its last change. */
public enum PermitStatus {
    GRANTED, AMENDED, EXTENDED, REVOKED, EXPIRED;

    /** Processing has ended: results are due within 18 months (EHDS Art. 61). */
    public boolean hasEnded() {
        return this == REVOKED || this == EXPIRED;
    }
}
