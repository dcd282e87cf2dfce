package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker of a release: for every hidden cell, the smallest and largest value consistent with everything released
 * — the published cells, the table's relations (totals, sub-totals, margins of margins), non-negativity — and with the
 * project's earlier releases of the same table: their own cells and relations, and, when the populations nest, each
 * cell of the larger population at least the same cell of the smaller (so hidden cells of both releases are solved
 * together). Each bound is a linear program, solved by {@link Simplex} per linked group of hidden cells (cells linked by
 * sharing a relation or a nesting link).
 */
public final class IntervalAttacker {

    /** A hidden cell's feasible values; {@code high} is infinite when nothing bounds it. */
    public record Interval(double low, double high) {
        public double width() {
            return high - low;
        }
    }

    /**
     * An earlier release aligned on the current table's cells: its value (NaN when hidden) where {@code present}, and
     * how the populations nest: +1 the current one contains the earlier one, -1 the reverse, 0 not nested; whether
     * its released cells add up (not when it was rounded: its relations are then left out); and, when the HDAB kept
     * them, the true values of the cells it hid (NaN elsewhere; null when not kept) — the attacker never sees these,
     * the hypercube proofs use them.
     */
    public record Layer(double[] values, boolean[] present, int direction, boolean additive, double[] truth) {

        public Layer(double[] values, boolean[] present, int direction, boolean additive) {
            this(values, present, direction, additive, null);
        }
    }

    /** One equation {@code sum coefficients·x (+ slack·s, s >= 0) = rhs} over hidden cells' ids. */
    record Constraint(int[] ids, double[] coefficients, double slack, double rhs) {
    }

    /** A linked group of hidden cells (ids: layer × cells + cell; layer 0 is the current release). */
    record Group(int[] ids, List<Constraint> constraints) {
    }

    /** The solved program of one group: intervals of any linear objective over its ids. */
    static final class Solution {
        private final Simplex lp;
        private final Map<Integer, Integer> column;
        private final int vars;

        Solution(Simplex lp, Map<Integer, Integer> column, int vars) {
            this.lp = lp;
            this.column = column;
            this.vars = vars;
        }

        /** The interval of x[a] - x[b] ({@code b < 0}: of x[a] alone); ids must be in the group. */
        Interval interval(int a, int b) {
            double[] objective = new double[vars];
            objective[column.get(a)] = 1;
            if (b >= 0) {
                objective[column.get(b)] = -1;
            }
            double high = lp.maximise(objective);
            for (int i = 0; i < vars; i++) {
                objective[i] = -objective[i];
            }
            return new Interval(-lp.maximise(objective), high);
        }

        boolean has(int id) {
            return column.containsKey(id);
        }
    }

    private IntervalAttacker() {
    }

    /** Every hidden cell's interval from one release ({@code released}: NaN where hidden), groups up to limit. */
    public static Map<Integer, Interval> attack(TableShape shape, double[] released, int limit) {
        return attack(shape, released, List.of(), limit);
    }

    /** Every hidden cell's interval of the current release, with the earlier releases known to the attacker. */
    public static Map<Integer, Interval> attack(TableShape shape, double[] released, List<Layer> earlier, int limit) {
        Map<Integer, Interval> out = new LinkedHashMap<>();
        for (Group g : groups(shape, released, earlier)) {
            if (g.ids().length <= limit) {
                Solution s = solve(g);
                for (int id : g.ids()) {
                    if (id < shape.cells()) {
                        out.put(id, s.interval(id, -1));
                    }
                }
            }
        }
        return out;
    }

    static List<Group> groups(TableShape shape, double[] released, List<Layer> earlier) {
        int cells = shape.cells();
        List<double[]> values = new ArrayList<>();
        values.add(released);
        earlier.forEach(l -> values.add(l.values()));
        List<Constraint> constraints = new ArrayList<>();
        for (int layer = 0; layer < values.size(); layer++) {
            double[] v = values.get(layer);
            boolean[] present = layer == 0 ? null : earlier.get(layer - 1).present();
            if (layer > 0 && !earlier.get(layer - 1).additive()) {
                continue;
            }
            int offset = layer * cells;
            shape.forEachRelation((total, members, n) -> {
                if (present != null && !present[total]) {
                    return;
                }
                int[] ids = new int[n + 1];
                double[] coefficients = new double[n + 1];
                ids[0] = total;
                coefficients[0] = -1;
                for (int i = 0; i < n; i++) {
                    if (present != null && !present[members[i]]) {
                        return;
                    }
                    ids[i + 1] = members[i];
                    coefficients[i + 1] = 1;
                }
                add(constraints, ids, coefficients, 0, v, offset);
            });
        }
        for (int layer = 1; layer < values.size(); layer++) {
            Layer l = earlier.get(layer - 1);
            for (int c = 0; c < cells && l.direction() != 0; c++) {
                if (l.present()[c]) {
                    // direction +1: now - before - s = 0; -1: now - before + s = 0
                    add(constraints, new int[] {c, layer * cells + c}, new double[] {1, -1}, -l.direction(),
                            values, cells);
                }
            }
        }
        return group(constraints, values.size() * cells);
    }

    /** Adds the constraint when it involves a hidden cell, with the released cells moved to the right-hand side. */
    private static void add(List<Constraint> out, int[] cellsOfLayer, double[] coefficients, double slack,
            double[] values, int offset) {
        double rhs = 0;
        int hidden = 0;
        for (int i = 0; i < cellsOfLayer.length; i++) {
            if (Double.isNaN(values[cellsOfLayer[i]])) {
                hidden++;
            }
        }
        if (hidden == 0) {
            return;
        }
        int[] ids = new int[hidden];
        double[] co = new double[hidden];
        int k = 0;
        for (int i = 0; i < cellsOfLayer.length; i++) {
            double v = values[cellsOfLayer[i]];
            if (Double.isNaN(v)) {
                ids[k] = offset + cellsOfLayer[i];
                co[k++] = coefficients[i];
            } else {
                rhs -= coefficients[i] * v;
            }
        }
        out.add(new Constraint(ids, co, slack, rhs));
    }

    /** A nesting link: cell c of layer 0 and of {@code layer}, values looked up in their own layer. */
    private static void add(List<Constraint> out, int[] ids, double[] coefficients, double slack, List<double[]> values,
            int cells) {
        List<Integer> hidden = new ArrayList<>();
        double rhs = 0;
        for (int i = 0; i < ids.length; i++) {
            double v = values.get(ids[i] / cells)[ids[i] % cells];
            if (Double.isNaN(v)) {
                hidden.add(i);
            } else {
                rhs -= coefficients[i] * v;
            }
        }
        if (hidden.isEmpty()) {
            return;
        }
        out.add(new Constraint(hidden.stream().mapToInt(i -> ids[i]).toArray(),
                hidden.stream().mapToDouble(i -> coefficients[i]).toArray(), slack, rhs));
    }

    private static List<Group> group(List<Constraint> constraints, int ids) {
        int[] parent = new int[ids];
        Arrays.fill(parent, -1);
        for (Constraint c : constraints) {
            for (int id : c.ids()) {
                if (parent[id] < 0) {
                    parent[id] = id;
                }
                union(parent, c.ids()[0], id);
            }
        }
        Map<Integer, List<Integer>> members = new LinkedHashMap<>();
        for (int id = 0; id < ids; id++) {
            if (parent[id] >= 0) {
                members.computeIfAbsent(find(parent, id), r -> new ArrayList<>()).add(id);
            }
        }
        Map<Integer, List<Constraint>> byRoot = new HashMap<>();
        constraints.forEach(c -> byRoot.computeIfAbsent(find(parent, c.ids()[0]), r -> new ArrayList<>()).add(c));
        List<Group> out = new ArrayList<>();
        members.forEach((root, list) -> out.add(new Group(list.stream().mapToInt(Integer::intValue).toArray(),
                byRoot.get(root))));
        return out;
    }

    static Solution solve(Group g) {
        Map<Integer, Integer> column = new HashMap<>();
        for (int id : g.ids()) {
            column.put(id, column.size());
        }
        int slacks = (int) g.constraints().stream().filter(c -> c.slack() != 0).count();
        int vars = column.size() + slacks;
        double[][] a = new double[g.constraints().size()][vars];
        double[] b = new double[a.length];
        int slack = column.size();
        for (int i = 0; i < a.length; i++) {
            Constraint c = g.constraints().get(i);
            for (int k = 0; k < c.ids().length; k++) {
                a[i][column.get(c.ids()[k])] += c.coefficients()[k];
            }
            if (c.slack() != 0) {
                a[i][slack++] = c.slack();
            }
            b[i] = c.rhs();
        }
        return new Solution(new Simplex(a, b), column, vars);
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
