package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import eu.guichet.dataplane.disclosure.IntervalAttacker.Layer;

/**
 * Differencing against the project's earlier releases of tables over the same categories: when a cell was released
 * before and the new value differs from it by fewer than the minimum count (a population minus a small group), the
 * two releases together isolate that group, so the cell is suppressed. Also gives the attacker the earlier releases,
 * aligned on the current cells, with how the populations nest (every released pair one way: nested that way).
 */
final class Differencing {

    private Differencing() {
    }

    static List<Layer> apply(OutputTable t, List<KeptRelease> earlier, DisclosureConfig c, DisclosureReport r) {
        int cells = t.shape().cells();
        List<Layer> layers = new ArrayList<>();
        for (KeptRelease kept : earlier) {
            Release e = kept.release();
            int[] at = e.positionsOf(t.shape());
            double[] values = new double[cells];
            double[] truth = new double[cells];
            boolean[] present = new boolean[cells];
            Arrays.fill(values, Double.NaN);
            Arrays.fill(truth, Double.NaN);
            boolean larger = false;
            boolean smaller = false;
            for (int cell = 0; cell < cells; cell++) {
                if (at[cell] < 0) {
                    continue;
                }
                present[cell] = true;
                values[cell] = e.value(at[cell]);
                if (kept.hiddenValues() != null) {
                    truth[cell] = kept.hiddenValues()[at[cell]];
                }
                if (e.hidden(at[cell])) {
                    continue;
                }
                double difference = t.value(cell) - values[cell];
                larger |= difference > 0;
                smaller |= difference < 0;
                if (!t.magnitude() && difference != 0 && Math.abs(difference) < c.minimumCount()) {
                    r.add(cell, Reason.DIFFERENCING);
                }
            }
            int direction = larger && smaller ? 0 : smaller ? -1 : 1;
            layers.add(new Layer(values, present, direction, additive(t.shape(), values, present),
                    kept.hiddenValues() == null ? null : truth));
        }
        return layers;
    }

    /** Whether every relation whose cells were all released adds up (a rounded release does not). */
    private static boolean additive(TableShape shape, double[] values, boolean[] present) {
        boolean[] ok = {true};
        shape.forEachRelation((total, members, n) -> {
            double sum = 0;
            boolean complete = present[total] && !Double.isNaN(values[total]);
            for (int i = 0; i < n && complete; i++) {
                complete = present[members[i]] && !Double.isNaN(values[members[i]]);
                sum += complete ? values[members[i]] : 0;
            }
            if (complete && Math.abs(sum - values[total]) > 1e-6 * Math.max(1, Math.abs(sum))) {
                ok[0] = false;
            }
        });
        return ok[0];
    }
}
