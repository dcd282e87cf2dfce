package eu.guichet.dataplane.disclosure;

/**
 * The rules of one HDAB. Each default is documented with its source in docs/explanation/output-control.md.
 *
 * @param minimumCount a cell with 1 to {@code minimumCount - 1} contributors is suppressed (and a suppressed cell must
 *            stay uncertain over at least this many values)
 * @param zerosForReview whether zero cells go to an output checker
 * @param dominanceN the n of the (n,k) rule: the n largest contributors...
 * @param dominanceK ...may make up at most k percent of a cell's total
 * @param pPercent the p% rule: the total minus the two largest contributions must be at least p percent of the
 *            largest; also the protection a suppressed amount keeps (its feasible interval at least p percent of it)
 * @param rounding how released counts are rounded
 * @param auditLimit the most hidden cells of one linked group the linear-programming audit solves; a larger group
 *            goes to review
 */
public record DisclosureConfig(int minimumCount, boolean zerosForReview, int dominanceN, double dominanceK,
        double pPercent, Rounding rounding, int auditLimit) {

    /** Rounding of released counts. */
    public enum Rounding {
        NONE,
        /** To the nearest multiple of 5, halves up (OpenSAFELY: "redact counts of 7 or fewer, round to nearest 5"). */
        NEAREST_5,
        /** Midpoint-6: 0 stays 0, 1–6 → 3, 7–12 → 9, ... (the OpenSAFELY alternative that needs no threshold). */
        MIDPOINT_6;

        public long apply(long count) {
            return switch (this) {
                case NONE -> count;
                case NEAREST_5 -> Math.floorDiv(count + 2, 5) * 5;
                case MIDPOINT_6 -> count == 0 ? 0 : Math.floorDiv(count + 5, 6) * 6 - 3;
            };
        }
    }

    /** ACRO's shipped defaults (SACRO project): threshold 10, (2, 90 %) dominance, p = 10 %, zeros flagged. */
    public static final DisclosureConfig DEFAULT = new DisclosureConfig(10, true, 2, 90, 10, Rounding.NONE, 250);

    /** France (Health Data Hub / SNDS): no count under 11 is ever shown; the rest as the default. */
    public static final DisclosureConfig FRANCE = DEFAULT.withMinimumCount(11);

    /** OpenSAFELY: counts of 7 or fewer suppressed, every released count rounded to the nearest 5. */
    public static final DisclosureConfig OPENSAFELY = DEFAULT.withMinimumCount(8).withRounding(Rounding.NEAREST_5);

    public DisclosureConfig {
        if (minimumCount < 1 || dominanceN < 1 || dominanceK <= 0 || dominanceK > 100 || pPercent < 0
                || auditLimit < 1 || rounding == null) {
            throw new IllegalArgumentException("invalid disclosure configuration");
        }
    }

    public DisclosureConfig withMinimumCount(int m) {
        return new DisclosureConfig(m, zerosForReview, dominanceN, dominanceK, pPercent, rounding, auditLimit);
    }

    public DisclosureConfig withRounding(Rounding r) {
        return new DisclosureConfig(minimumCount, zerosForReview, dominanceN, dominanceK, pPercent, r, auditLimit);
    }

    public DisclosureConfig withDominance(int n, double k) {
        return new DisclosureConfig(minimumCount, zerosForReview, n, k, pPercent, rounding, auditLimit);
    }

    public DisclosureConfig withPPercent(double p) {
        return new DisclosureConfig(minimumCount, zerosForReview, dominanceN, dominanceK, p, rounding, auditLimit);
    }

    public DisclosureConfig withZerosForReview(boolean z) {
        return new DisclosureConfig(minimumCount, z, dominanceN, dominanceK, pPercent, rounding, auditLimit);
    }

    public DisclosureConfig withAuditLimit(int limit) {
        return new DisclosureConfig(minimumCount, zerosForReview, dominanceN, dominanceK, pPercent, rounding, limit);
    }
}
