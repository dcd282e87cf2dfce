package eu.guichet.access;

import java.util.Locale;

/** What a line of a {@link FeeEstimate} charges for. Its label is the message {@link #labelKey()} (FR/EN). */
public enum FeeCode {
    /** The decision on a data access application (a normal permit). */
    PERMIT(Kind.HDAB_FEE, true),
    /** The decision on an extensive application: many datasets or holders, or an applicant outside the EEA. */
    EXTENSIVE_PERMIT(Kind.HDAB_FEE, true),
    /** The decision on a data request (Art. 69). */
    DATA_REQUEST(Kind.HDAB_FEE, true),
    /** A permit amendment (more persons, a longer duration...), each. */
    AMENDMENT(Kind.HDAB_FEE, false),
    /** The HDAB's hours of work: linking, preparing, pseudonymising, anonymising the data. */
    PREPARATION(Kind.HDAB_FEE, false),
    /** The secure processing environment, per month. */
    SPE(Kind.HDAB_FEE, false),
    /** A data holder's compensation for making its data available, as the holder estimated it (Art. 62(2)). */
    HOLDER_COMPENSATION(Kind.HOLDER_COMPENSATION, false),
    /** A data holder's compensation set by the HDAB because holder and user did not agree within one month. */
    HOLDER_COMPENSATION_SET_BY_HDAB(Kind.HOLDER_COMPENSATION, false),
    /** The reduction for the applicant's kind of organisation, on the HDAB's fees (Art. 62(3)); negative. */
    REDUCTION(Kind.REDUCTION, false);

    /** Who the money is for. */
    public enum Kind {
        /** The HDAB's own fee: reduced for public bodies, academia and micro-enterprises. */
        HDAB_FEE,
        /** Collected by the HDAB and passed on to a data holder; never reduced. */
        HOLDER_COMPENSATION,
        /** The reduction line itself. */
        REDUCTION
    }

    private final Kind kind;
    private final boolean assessment;

    FeeCode(Kind kind, boolean assessment) {
        this.kind = kind;
        this.assessment = assessment;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the line pays for assessing and deciding: incurred as soon as the assessment begins. */
    public boolean isAssessment() {
        return assessment;
    }

    /** The message key of the line's label, e.g. {@code fee.extensive_permit}. */
    public String labelKey() {
        return "fee." + name().toLowerCase(Locale.ROOT);
    }
}
