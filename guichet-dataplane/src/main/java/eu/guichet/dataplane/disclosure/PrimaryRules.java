package eu.guichet.dataplane.disclosure;

/**
 * The rules that judge a cell on its own: minimum threshold, zeros, (n,k) dominance and p% (magnitude tables, from
 * the kept largest contributions; not checkable when only aggregates are known). One pass over the cells.
 */
final class PrimaryRules {

    private PrimaryRules() {
    }

    static void apply(OutputTable t, DisclosureConfig c, DisclosureReport r) {
        if (t.magnitude() && t.contributorsKnown() && c.dominanceN() > t.kept()) {
            throw new IllegalArgumentException("the table keeps " + t.kept() + " largest contributions; the (n,k) "
                    + "rule needs " + c.dominanceN());
        }
        int cells = t.shape().cells();
        for (int cell = 0; cell < cells; cell++) {
            long n = t.count(cell);
            if (n == 0) {
                if (c.zerosForReview()) {
                    r.add(cell, Reason.ZERO);
                }
                continue;
            }
            if (n < c.minimumCount()) {
                r.add(cell, Reason.BELOW_THRESHOLD);
            }
            if (!t.magnitude()) {
                continue;
            }
            if (!t.contributorsKnown()) {
                r.add(cell, Reason.CONTRIBUTORS_NOT_CHECKABLE);
                continue;
            }
            if (dominated(t, c, cell)) {
                r.add(cell, Reason.DOMINANCE);
            }
            if (tooPrecise(t, c, cell)) {
                r.add(cell, Reason.P_PERCENT);
            }
        }
    }

    /** (n,k): the n largest contributions exceed k % of the total. */
    static boolean dominated(OutputTable t, DisclosureConfig c, int cell) {
        double total = t.sum(cell);
        if (total <= 0) {
            return false;
        }
        double top = 0;
        for (int i = 0; i < c.dominanceN(); i++) {
            top += t.largest(cell, i);
        }
        return top > c.dominanceK() / 100 * total;
    }

    /**
     * p%: the second-largest contributor knows its own value; it estimates the largest as the total minus itself, and
     * is wrong by the sum of the others. That error must be at least p % of the largest.
     */
    static boolean tooPrecise(OutputTable t, DisclosureConfig c, int cell) {
        double x1 = t.largest(cell, 0);
        double rest = t.sum(cell) - x1 - t.largest(cell, 1);
        return x1 > 0 && rest < c.pPercent() / 100 * x1 - 1e-9 * x1;
    }
}
