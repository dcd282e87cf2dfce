package eu.guichet.security;

/** What a user may do on the platform. A user holds one or more roles; each endpoint names the roles it admits. */
public enum Role {
    /** Applies for data access and, once named in a permit, works in its workspace. */
    APPLICANT,
    /** Describes its organisation's datasets and delivers data. */
    DATA_HOLDER,
    /** HDAB staff who assess applications. */
    HDAB_REVIEWER,
    /** HDAB staff who grant or refuse permits. */
    HDAB_DECIDER,
    /**
     * HDAB staff who prepare the anonymised statistical answers: data requests (EHDS Art. 69) and applications answered
     * in statistical form (Art. 68(3)); the answer itself leaves through output control.
     */
    HDAB_ANALYST,
    /** HDAB staff who check outputs before release (two independent checkers per release). */
    OUTPUT_CHECKER,
    /** Administers organisations, accounts and roles. */
    HDAB_ADMIN,
    /** Reads and verifies the audit trail. */
    AUDITOR,
    /** A natural person: opts out, sees who used which data and why. */
    CITIZEN;

    /** Roles as stable text, sorted and comma-separated (audit details, logs). */
    public static String list(java.util.Collection<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    /** Staff of the health data access body itself. */
    public boolean isHdabStaff() {
        return this == HDAB_REVIEWER || this == HDAB_DECIDER || this == HDAB_ANALYST || this == OUTPUT_CHECKER
                || this == HDAB_ADMIN || this == AUDITOR;
    }
}
