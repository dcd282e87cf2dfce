package eu.guichet.identity;

/**
 * The kind of organisation. Fees (EHDS Art. 62: reductions for public bodies, academia, micro-enterprises) and
 * permitted purposes (Art. 53(2): purposes (a)-(c) reserved to public-sector bodies) depend on it.
 */
public enum OrganisationType {
    HDAB,
    DATA_HOLDER,
    PUBLIC_BODY,
    ACADEMIC,
    COMPANY,
    MICRO_ENTERPRISE;

    public boolean isPublicSector() {
        return this == HDAB || this == PUBLIC_BODY;
    }
}
