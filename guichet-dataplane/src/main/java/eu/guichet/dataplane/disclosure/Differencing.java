package eu.guichet.dataplane.disclosure;

import java.util.Arrays;
import java.util.List;

/**
 * Differencing against the project's earlier releases of tables over the same categories: when a cell was released
 * before and the new value differs from it by fewer than the minimum count (a population minus a small group), the
 * two releases together isolate that group, so the cell is suppressed. Also gives the attacker what the earlier
 * releases tell about each cell: if the populations nest, the new value is at least (or at most) the old one.
 */
public final class Differencing {

    /** Bounds the attacker knows from earlier releases; NaN where nothing. */
    public record Knowledge(double[] lower, double[] upper) {
    }

    private Differencing() {
    }

    static Knowledge apply(OutputTable t, List<Release> earlier, DisclosureConfig c, DisclosureReport r) {
        int cells = t.shape().cells();
        double[] lower = new double[cells];
        double[] upper = new double[cells];
        Arrays.fill(lower, Double.NaN);
        Arrays.fill(upper, Double.NaN);
        for (Release e : earlier) {
            int[] at = e.positionsOf(t.shape());
            for (int cell = 0; cell < cells; cell++) {
                if (at[cell] < 0 || e.hidden(at[cell])) {
                    continue;
                }
                double before = e.value(at[cell]);
                double now = t.value(cell);
                double difference = Math.abs(now - before);
                if (!t.magnitude() && difference > 0 && difference < c.minimumCount()) {
                    r.add(cell, Reason.DIFFERENCING);
                }
                if (now >= before) {
                    lower[cell] = Double.isNaN(lower[cell]) ? before : Math.max(lower[cell], before);
                } else {
                    upper[cell] = Double.isNaN(upper[cell]) ? before : Math.min(upper[cell], before);
                }
            }
        }
        return new Knowledge(lower, upper);
    }
}
