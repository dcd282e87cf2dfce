package eu.guichet.access;

/** Where a permit stands (TEHDAS2 D6.4). Each amendment or extension makes a new version; old ones are archived. */
public enum PermitStatus {
    GRANTED, AMENDED, RENEWED, REVOKED, EXPIRED;

    /** Whether its members may work with its data. */
    public boolean isActive() {
        return this == GRANTED || this == AMENDED || this == RENEWED;
    }
}
