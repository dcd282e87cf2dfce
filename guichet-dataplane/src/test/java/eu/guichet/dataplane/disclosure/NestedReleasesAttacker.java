package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stronger attacker of two releases of the same table over nested populations: one linear program over both
 * releases' hidden cells, each release's relations, and {@code now >= before} (or {@code <=}) cell by cell — hidden or
 * not. It bounds each hidden cell of the later release and each cell's difference (the group between the two).
 */
final class NestedReleasesAttacker {

    record Bounds(IntervalAttacker.Interval now, IntervalAttacker.Interval difference) {
    }

    private NestedReleasesAttacker() {
    }

    /** {@code direction} +1: the later population contains the earlier one; -1: the reverse. */
    static Map<Integer, Bounds> attack(TableShape shape, Release before, Release now, int direction) {
        int cells = shape.cells();
        Map<Integer, Integer> column = new HashMap<>();
        for (int c = 0; c < cells; c++) {
            if (before.hidden(c)) {
                column.put(c, column.size());
            }
        }
        for (int c = 0; c < cells; c++) {
            if (now.hidden(c)) {
                column.put(cells + c, column.size());
            }
        }
        int slacks = cells;
        int vars = column.size() + slacks;
        List<double[]> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int release = 0; release < 2; release++) {
            Release rel = release == 0 ? before : now;
            int offset = release * cells;
            shape.forEachRelation((total, members, n) -> {
                double[] row = new double[vars];
                double rhs = 0;
                boolean any = false;
                for (int i = -1; i < n; i++) {
                    int cell = i < 0 ? total : members[i];
                    double coefficient = i < 0 ? -1 : 1;
                    Integer col = column.get(offset + cell);
                    if (col == null) {
                        rhs -= coefficient * rel.value(cell);
                    } else {
                        row[col] += coefficient;
                        any = true;
                    }
                }
                if (any) {
                    a.add(row);
                    b.add(rhs);
                }
            });
        }
        for (int c = 0; c < cells; c++) {
            double[] row = new double[vars];
            double rhs = 0;
            Integer n = column.get(cells + c);
            Integer e = column.get(c);
            if (n == null && e == null) {
                continue;
            }
            if (n == null) {
                rhs -= now.value(c);
            } else {
                row[n] = 1;
            }
            if (e == null) {
                rhs += before.value(c);
            } else {
                row[e] = -1;
            }
            row[column.size() + c] = -direction;
            a.add(row);
            b.add(rhs);
        }
        Simplex lp = new Simplex(a.toArray(double[][]::new), b.stream().mapToDouble(Double::doubleValue).toArray());
        Map<Integer, Bounds> out = new HashMap<>();
        for (int c = 0; c < cells; c++) {
            Integer n = column.get(cells + c);
            if (n == null) {
                continue;
            }
            double[] objective = new double[vars];
            objective[n] = 1;
            IntervalAttacker.Interval nowInterval = interval(lp, objective);
            Integer e = column.get(c);
            if (e != null) {
                objective[e] = -1;
            }
            IntervalAttacker.Interval difference = interval(lp, objective);
            if (e == null) {
                difference = new IntervalAttacker.Interval(difference.low() - before.value(c),
                        difference.high() - before.value(c));
            }
            out.put(c, new Bounds(nowInterval, difference));
        }
        return out;
    }

    private static IntervalAttacker.Interval interval(Simplex lp, double[] objective) {
        double high = lp.maximise(objective);
        double[] negative = objective.clone();
        for (int i = 0; i < negative.length; i++) {
            negative[i] = -negative[i];
        }
        return new IntervalAttacker.Interval(-lp.maximise(negative), high);
    }
}
