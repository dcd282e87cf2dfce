package eu.guichet.access;

/**
 * What an applicant who withdraws pays (EHDS Art. 62: only the costs already incurred), by the status the application
 * had reached when it was withdrawn. Assessment begins when a complete application enters {@code PROCESSING}: before
 * that, screening and the completeness check are not charged; from then on, the decision fee is (it pays for the
 * assessment), less the applicant's reduction. Preparation hours, the SPE, amendments and holder compensation come
 * after the permit and are never incurred by an application withdrawn before its decision.
 */
public enum WithdrawalCharge {
    /** Nothing is charged: the assessment has not begun. */
    NOTHING,
    /** The decision fee (normal, extensive or data request), less the reduction. */
    ASSESSMENT;

    /**
     * The charge for an application withdrawn in {@code stageReached}.
     *
     * @throws IllegalArgumentException for {@code WITHDRAWN} and {@code LAPSED}: pass the status the application had
     *                                  reached before, not the one it ended in
     */
    public static WithdrawalCharge at(ApplicationStatus stageReached) {
        return switch (stageReached) {
            case DRAFT, SUBMITTED, PRE_SCREENING, AWAITING_ADDITIONAL_INFORMATION -> NOTHING;
            case PROCESSING, AWAITING_CLARIFICATION, DECISION_ISSUED -> ASSESSMENT;
            case WITHDRAWN, LAPSED -> throw new IllegalArgumentException(
                    "the costs incurred depend on the status reached before " + stageReached + ", not on "
                            + stageReached);
        };
    }

    public String labelKey() {
        return "fee.withdrawal." + name();
    }

    boolean charges(FeeLine line) {
        return this == ASSESSMENT && line.code().isAssessment();
    }
}
