package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker of a release: for every hidden cell, the smallest and largest value consistent with everything released
 * — the published cells, the table's relations (totals, sub-totals, margins of margins), non-negativity, and bounds
 * the attacker knows from elsewhere (an earlier release of a sub-population is a lower bound). Each bound is a linear
 * program, solved by {@link Simplex} per linked group of hidden cells (cells linked by sharing a relation).
 */
public final class IntervalAttacker {

    /** A hidden cell's feasible values; {@code high} is infinite when nothing bounds it. */
    public record Interval(double low, double high) {
        public double width() {
            return high - low;
        }
    }

    /** A linked group of hidden cells and the relations that involve them ({@code [total, members...]}). */
    record Group(int[] cells, List<int[]> relations) {
    }

    private IntervalAttacker() {
    }

    /**
     * Every hidden cell's interval.
     *
     * @param released each cell's released value, NaN where hidden
     * @param lower, upper what the attacker knows besides (NaN: nothing); may be null
     * @param limit the most hidden cells of one group solved; larger groups' cells are left out of the answer
     */
    public static Map<Integer, Interval> attack(TableShape shape, double[] released, double[] lower, double[] upper,
            int limit) {
        Map<Integer, Interval> out = new LinkedHashMap<>();
        for (Group g : groups(shape, released)) {
            if (g.cells().length <= limit) {
                out.putAll(solve(g, released, lower, upper));
            }
        }
        return out;
    }

    static List<Group> groups(TableShape shape, double[] released) {
        int[] parent = new int[shape.cells()];
        Arrays.fill(parent, -1);
        for (int c = 0; c < parent.length; c++) {
            if (Double.isNaN(released[c])) {
                parent[c] = c;
            }
        }
        shape.forEachRelation((total, members, n) -> {
            int first = parent[total] >= 0 ? total : -1;
            for (int i = 0; i < n; i++) {
                int m = members[i];
                if (parent[m] >= 0) {
                    if (first < 0) {
                        first = m;
                    } else {
                        union(parent, first, m);
                    }
                }
            }
        });
        Map<Integer, List<Integer>> cells = new LinkedHashMap<>();
        for (int c = 0; c < parent.length; c++) {
            if (parent[c] >= 0) {
                cells.computeIfAbsent(find(parent, c), r -> new ArrayList<>()).add(c);
            }
        }
        Map<Integer, List<int[]>> relations = new HashMap<>();
        shape.forEachRelation((total, members, n) -> {
            int hidden = parent[total] >= 0 ? total : -1;
            for (int i = 0; i < n && hidden < 0; i++) {
                hidden = parent[members[i]] >= 0 ? members[i] : -1;
            }
            if (hidden >= 0) {
                int[] r = new int[n + 1];
                r[0] = total;
                System.arraycopy(members, 0, r, 1, n);
                relations.computeIfAbsent(find(parent, hidden), x -> new ArrayList<>()).add(r);
            }
        });
        List<Group> out = new ArrayList<>();
        cells.forEach((root, list) -> out.add(new Group(list.stream().mapToInt(Integer::intValue).toArray(),
                relations.getOrDefault(root, List.of()))));
        return out;
    }

    static Map<Integer, Interval> solve(Group g, double[] released, double[] lower, double[] upper) {
        Map<Integer, Integer> column = new HashMap<>();
        for (int c : g.cells()) {
            column.put(c, column.size());
        }
        List<double[]> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        int bounds = 0;
        for (int c : g.cells()) {
            bounds += (known(lower, c) ? 1 : 0) + (known(upper, c) ? 1 : 0);
        }
        int vars = g.cells().length + bounds;
        for (int[] r : g.relations()) {
            double[] row = new double[vars];
            double rhs = 0;
            for (int i = 0; i < r.length; i++) {
                double coefficient = i == 0 ? -1 : 1;
                Integer col = column.get(r[i]);
                if (col == null) {
                    rhs -= coefficient * released[r[i]];
                } else {
                    row[col] += coefficient;
                }
            }
            a.add(row);
            b.add(rhs);
        }
        int slack = g.cells().length;
        for (int c : g.cells()) {
            for (int side = 0; side < 2; side++) {
                double[] bound = side == 0 ? lower : upper;
                if (known(bound, c)) {
                    double[] row = new double[vars];
                    row[column.get(c)] = 1;
                    row[slack++] = side == 0 ? -1 : 1;
                    a.add(row);
                    b.add(bound[c]);
                }
            }
        }
        Simplex lp = new Simplex(a.toArray(double[][]::new), b.stream().mapToDouble(Double::doubleValue).toArray());
        Map<Integer, Interval> out = new LinkedHashMap<>();
        double[] objective = new double[vars];
        for (int c : g.cells()) {
            int col = column.get(c);
            objective[col] = 1;
            double high = lp.maximise(objective);
            objective[col] = -1;
            double low = -lp.maximise(objective);
            objective[col] = 0;
            out.put(c, new Interval(Math.max(0, low), high));
        }
        return out;
    }

    private static boolean known(double[] bound, int cell) {
        return bound != null && !Double.isNaN(bound[cell]);
    }

    private static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
