package eu.guichet.dataplane.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import eu.guichet.dataplane.disclosure.IntervalAttacker.Layer;

/**
 * Protection proved locally, for linked groups too large for the linear program (the hypercube method of GHMITER, as
 * in τ-ARGUS). Take a cell and, in each dimension, a partner category of the same sub-totals; the 2^k cells at the
 * corners form a cube. Adding t to the corners of even parity and subtracting it from the odd ones leaves every total
 * and sub-total unchanged, so if all corners are hidden the attacker cannot tell the true table from the moved one:
 * the cell's interval is at least as wide as the range of t that keeps every corner non-negative (and within what
 * earlier releases tell). A cube that proves enough protection is completed by hiding its missing corners; hiding
 * more never narrows another cell's interval, so earlier proofs stay valid. With earlier releases, the moved table
 * must stay consistent with them: a corner stays at or above an earlier released value (or, where the earlier release
 * hid the cell, a ceiling of it) when the current population contains the earlier one. Only inner cells; a margin
 * cell of a large group, or a cell an earlier release hid without a ceiling, goes to review.
 */
final class Hypercubes {

    /** Partners tried per dimension: the best few, so a cell costs at most PARTNERS^k cubes. */
    private static final int PARTNERS = 6;

    private final OutputTable t;
    private final DisclosureReport r;
    private final List<Earlier> earlier = new ArrayList<>();

    /**
     * One earlier release as the cube sees it: per cell, the value a corner must stay on the right side of when the
     * earlier table is kept as it is (released value, else its true value if kept, else a ceiling; NaN: none known),
     * and the true value of a cell it hid (NaN: unknown), which lets the earlier table move along the same cube.
     */
    private record Earlier(int direction, boolean[] present, boolean[] hidden, double[] fixed, double[] truth) {
    }

    Hypercubes(OutputTable t, DisclosureReport r, List<Layer> layers) {
        this.t = t;
        this.r = r;
        int cells = t.shape().cells();
        for (Layer l : layers) {
            if (l.direction() == 0) {
                continue;
            }
            double[] ceilings = ceilings(t.shape(), l);
            double[] fixed = new double[cells];
            boolean[] hidden = new boolean[cells];
            for (int c = 0; c < cells; c++) {
                hidden[c] = l.present()[c] && Double.isNaN(l.values()[c]);
                double truth = l.truth() == null ? Double.NaN : l.truth()[c];
                fixed[c] = !hidden[c] ? l.values()[c] : !Double.isNaN(truth) ? truth
                        : l.direction() > 0 && Double.isFinite(ceilings[c]) ? ceilings[c] : Double.NaN;
            }
            earlier.add(new Earlier(l.direction(), l.present(), hidden, fixed,
                    l.truth() == null ? new double[cells] : l.truth()));
        }
    }

    /**
     * For each cell an earlier release hid, a value it cannot exceed: a released total minus its released members.
     * A current cell kept at or above it stays consistent with the earlier table when the current one is a superset.
     */
    private static double[] ceilings(TableShape shape, Layer l) {
        double[] ceiling = new double[shape.cells()];
        Arrays.fill(ceiling, Double.POSITIVE_INFINITY);
        if (!l.additive()) {
            return ceiling;
        }
        double[] v = l.values();
        boolean[] present = l.present();
        shape.forEachRelation((total, members, n) -> {
            if (!present[total] || Double.isNaN(v[total])) {
                return;
            }
            double residual = v[total];
            for (int i = 0; i < n; i++) {
                if (!present[members[i]]) {
                    return;
                }
                residual -= Double.isNaN(v[members[i]]) ? 0 : v[members[i]];
            }
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(v[members[i]])) {
                    ceiling[members[i]] = Math.min(ceiling[members[i]], residual);
                }
            }
        });
        return ceiling;
    }

    /** Proves the cell protected by a cube of hidden cells, hiding missing corners if needed; false if no cube can. */
    boolean protect(int cell, double need) {
        TableShape s = t.shape();
        if (s.level(cell) != 0) {
            return false;
        }
        int k = s.dimensions().size();
        int[][] partners = new int[k][];
        for (int d = 0; d < k; d++) {
            partners[d] = partners(cell, d, need);
            if (partners[d].length == 0) {
                return false;
            }
        }
        int[] choice = new int[k];
        int[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        while (true) {
            int[] corners = corners(cell, partners, choice);
            if (width(corners, r.has(cell, Reason.DIFFERENCING)) >= need - 1e-6) {
                double loss = 0;
                for (int c : corners) {
                    loss += r.hidden(c) ? 0 : t.value(c) + 1e-9;
                }
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = corners;
                }
            }
            int d = 0;
            while (d < k && ++choice[d] == partners[d].length) {
                choice[d++] = 0;
            }
            if (d == k) {
                break;
            }
        }
        if (best == null) {
            return false;
        }
        for (int c : best) {
            if (!r.hidden(c)) {
                r.add(c, Reason.SECONDARY);
            }
        }
        return true;
    }

    /** Categories of dimension d with the same sub-totals as the cell's: hidden neighbours first, then large ones. */
    private int[] partners(int cell, int d, double need) {
        TableShape s = t.shape();
        int slot = s.coordinate(cell, d);
        int[] parents = s.parents(d, slot);
        List<Integer> candidates = new ArrayList<>();
        for (int p = 0; p < s.dimensions().get(d).categories().size(); p++) {
            if (p != slot && Arrays.equals(s.parents(d, p), parents)) {
                candidates.add(p);
            }
        }
        int stride = s.stride(d);
        candidates.sort((a, b) -> {
            int na = cell + (a - slot) * stride;
            int nb = cell + (b - slot) * stride;
            if (r.hidden(na) != r.hidden(nb)) {
                return r.hidden(na) ? -1 : 1;
            }
            boolean ea = t.value(na) >= need;
            boolean eb = t.value(nb) >= need;
            if (ea != eb) {
                return ea ? -1 : 1;
            }
            return ea ? Double.compare(t.value(na), t.value(nb)) : Double.compare(t.value(nb), t.value(na));
        });
        return candidates.stream().limit(PARTNERS).mapToInt(Integer::intValue).toArray();
    }

    /** The 2^k corners, by mask: bit d set when the corner takes dimension d's partner. */
    private int[] corners(int cell, int[][] partners, int[] choice) {
        TableShape s = t.shape();
        int k = partners.length;
        int[] corners = new int[1 << k];
        for (int mask = 0; mask < corners.length; mask++) {
            int c = cell;
            for (int d = 0; d < k; d++) {
                if ((mask & (1 << d)) != 0) {
                    c += (partners[d][choice[d]] - s.coordinate(cell, d)) * s.stride(d);
                }
            }
            corners[mask] = c;
        }
        return corners;
    }

    /**
     * How far the cell can move: even corners (the cell among them) move by +t, odd ones by -t, every corner staying
     * non-negative; each earlier release either stays as it is (corners stay on their side of its values) or, when it
     * hid every corner and its true values are known, moves by the same t (then the difference between the releases
     * does not move, so not for a cell suppressed by differencing). The better of the two per release.
     */
    private double width(int[] corners, boolean differencing) {
        double[] range = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int mask = 0; mask < corners.length; mask++) {
            limit(range, mask, Double.POSITIVE_INFINITY, t.value(corners[mask]));
        }
        for (Earlier e : earlier) {
            double[] kept = range.clone();
            double[] moved = differencing ? null : range.clone();
            for (int mask = 0; mask < corners.length; mask++) {
                int c = corners[mask];
                if (!e.present()[c]) {
                    moved = null; // the earlier table cannot move along a cube it has not every corner of
                    continue;
                }
                double v = t.value(c);
                double f = e.fixed()[c];
                if (kept != null && Double.isNaN(f)) {
                    kept = null;
                } else if (kept != null) {
                    limit(kept, mask, e.direction() > 0 ? Double.POSITIVE_INFINITY : f - v,
                            e.direction() > 0 ? v - f : Double.POSITIVE_INFINITY);
                }
                if (moved != null && (!e.hidden()[c] || Double.isNaN(e.truth()[c]))) {
                    moved = null;
                } else if (moved != null) {
                    limit(moved, mask, Double.POSITIVE_INFINITY, e.truth()[c]);
                }
            }
            range = better(kept, moved);
            if (range == null) {
                return 0;
            }
        }
        return Math.max(0, range[0]) + Math.max(0, range[1]);
    }

    /** Limits {@code range} = {up, down} by a corner that can grow by {@code grow} and shrink by {@code shrink}. */
    private static void limit(double[] range, int mask, double grow, double shrink) {
        boolean even = Integer.bitCount(mask) % 2 == 0;
        range[0] = Math.min(range[0], even ? grow : shrink);
        range[1] = Math.min(range[1], even ? shrink : grow);
    }

    private static double[] better(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(0, a[0]) + Math.max(0, a[1]) >= Math.max(0, b[0]) + Math.max(0, b[1]) ? a : b;
    }
}
