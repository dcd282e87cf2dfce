package eu.guichet.dataplane.disclosure;

import java.util.List;

import eu.guichet.dataplane.disclosure.IntervalAttacker.Group;
import eu.guichet.dataplane.disclosure.IntervalAttacker.Layer;
import eu.guichet.dataplane.disclosure.IntervalAttacker.Solution;

/**
 * Complementary suppression: hides more cells until no suppressed cell can be worked out from what is released. First
 * no relation (a total and its categories) may have exactly one hidden cell — else that cell is the total minus the
 * others. Then the attacker ({@link IntervalAttacker}) computes every hidden cell's feasible interval; a cell whose
 * interval is narrower than its protection gets one more hidden cell beside it, and the two steps repeat. Protection:
 * a count stays uncertain over at least the minimum count; an amount over at least p % of itself (and at least 1).
 * Complements are chosen among the cells of the same relations: large enough to protect if any, inner cells before
 * margins, the smallest such value (the least information lost).
 */
final class SecondarySuppression {

    private SecondarySuppression() {
    }

    static void protect(OutputTable t, DisclosureConfig c, DisclosureReport r, List<Layer> earlier) {
        TableShape shape = t.shape();
        double[] need = new double[shape.cells()];
        boolean any = false;
        for (int cell = 0; cell < need.length; cell++) {
            if (r.primary(cell)) {
                need[cell] = t.magnitude() ? Math.max(1, c.pPercent() / 100 * t.sum(cell)) : c.minimumCount();
                any = true;
            }
        }
        if (!any) {
            return;
        }
        // A cell proved protected stays so: hiding more cells only widens every interval.
        boolean[] proven = new boolean[need.length];
        while (true) {
            closeRelations(t, r, need);
            r.clear(Reason.NOT_AUDITED);
            boolean added = false;
            Hypercubes cubes = new Hypercubes(t, r, earlier);
            for (Group g : IntervalAttacker.groups(shape, r.exactRelease(), earlier)) {
                added |= g.ids().length > c.auditLimit() ? proveLocally(cubes, r, need, proven, g)
                        : audit(t, c, r, need, proven, g, earlier.size());
            }
            if (!added) {
                return;
            }
        }
    }

    /**
     * Solves one group; hides one complement beside the first cell too narrowly protected (then the group is solved
     * again: one complement may protect several cells). True when it hid one.
     */
    private static boolean audit(OutputTable t, DisclosureConfig c, DisclosureReport r, double[] need,
            boolean[] proven, Group g, int layers) {
        int cells = t.shape().cells();
        boolean needsProtection = false;
        for (int id : g.ids()) {
            needsProtection |= id < cells && need[id] > 0 && !proven[id];
        }
        if (!needsProtection) {
            return false;
        }
        Solution solution;
        if (g.ids().length > c.auditLimit()) {
            solution = null;
        } else {
            try {
                solution = IntervalAttacker.solve(g);
            } catch (IllegalArgumentException infeasible) {
                solution = null;
            }
        }
        for (int cell : g.ids()) {
            if (cell >= cells || need[cell] <= 0 || proven[cell]) {
                continue;
            }
            if (solution == null) {
                r.add(cell, Reason.NOT_AUDITED);
            } else if (width(solution, r, cell, cells, layers) >= need[cell] - 1e-6) {
                proven[cell] = true;
            } else {
                int extra = complement(t, r, cell, need[cell]);
                for (int i = 0; extra < 0 && i < g.ids().length; i++) {
                    extra = g.ids()[i] < cells ? complement(t, r, g.ids()[i], need[cell]) : -1;
                }
                if (extra >= 0) {
                    r.add(extra, Reason.SECONDARY);
                    return true;
                } else {
                    r.add(cell, Reason.NOT_AUDITED);
                }
            }
        }
        return false;
    }

    /**
     * A group too large for the linear program: each cell needing protection gets a cube of hidden cells around it
     * (which proves it), or goes to review. True when cells were hidden (the groups then change: solve again).
     */
    private static boolean proveLocally(Hypercubes cubes, DisclosureReport r, double[] need, boolean[] proven,
            Group g) {
        int before = r.hiddenCount();
        for (int cell : g.ids()) {
            if (cell < need.length && need[cell] > 0 && !proven[cell]) {
                if (cubes.protect(cell, need[cell])) {
                    proven[cell] = true;
                } else {
                    r.add(cell, Reason.NOT_AUDITED);
                }
            }
        }
        return r.hiddenCount() > before;
    }

    /**
     * How uncertain the attacker stays about a cell: its interval, and for a cell suppressed by differencing, also
     * the interval of its difference with each earlier release that hid the cell too (the group between them).
     */
    private static double width(Solution s, DisclosureReport r, int cell, int cells, int layers) {
        double w = s.interval(cell, -1).width();
        for (int layer = 1; layer <= layers && r.has(cell, Reason.DIFFERENCING); layer++) {
            int before = layer * cells + cell;
            if (s.has(before)) {
                w = Math.min(w, s.interval(cell, before).width());
            }
        }
        return w;
    }

    /** Until no relation has exactly one hidden cell: hides a complement in each relation that has. */
    static void closeRelations(OutputTable t, DisclosureReport r, double[] need) {
        boolean[] changed = {true};
        int[] candidates = new int[t.shape().cells() == 0 ? 0 : maxRelationSize(t.shape())];
        while (changed[0]) {
            changed[0] = false;
            t.shape().forEachRelation((total, members, n) -> {
                int hidden = r.hidden(total) ? total : -1;
                int count = hidden >= 0 ? 1 : 0;
                for (int i = 0; i < n && count < 2; i++) {
                    if (r.hidden(members[i])) {
                        hidden = members[i];
                        count++;
                    }
                }
                if (count == 1) {
                    candidates[0] = total;
                    System.arraycopy(members, 0, candidates, 1, n);
                    r.add(new Chooser(t, r, Math.max(need[hidden], 1)).best(candidates, n + 1), Reason.SECONDARY);
                    changed[0] = true;
                }
            });
        }
    }

    private static int maxRelationSize(TableShape shape) {
        return shape.dimensions().stream().mapToInt(d -> d.categories().size()).max().orElse(0) + 1;
    }

    /**
     * The best cell to hide beside {@code cell}, among the cells of its relations; -1 when all are hidden (the caller
     * then looks beside the other hidden cells of the group).
     */
    private static int complement(OutputTable t, DisclosureReport r, int cell, double need) {
        Chooser chooser = new Chooser(t, r, need);
        int[] candidates = new int[maxRelationSize(t.shape())];
        t.shape().forEachRelationOf(cell, (total, members, n) -> {
            candidates[0] = total;
            System.arraycopy(members, 0, candidates, 1, n);
            chooser.best(candidates, n + 1);
        });
        return chooser.best;
    }

    /**
     * Ranks complements: large enough to protect (else the largest), then non-zero, then the fewest relations it
     * would leave with a single hidden cell (a complement in relations already holding one hidden cell closes a
     * rectangle instead of starting a cascade), then inner cells before margins, then the smallest sufficient value.
     */
    private static final class Chooser {
        private final OutputTable t;
        private final DisclosureReport r;
        private final double need;
        private int best = -1;
        private int bestCascade;

        Chooser(OutputTable t, DisclosureReport r, double need) {
            this.t = t;
            this.r = r;
            this.need = need;
        }

        int best(int[] cells, int n) {
            for (int i = 0; i < n; i++) {
                int c = cells[i];
                if (r.hidden(c) || c == best) {
                    continue;
                }
                int cascade = cascade(c);
                if (best < 0 || better(c, cascade)) {
                    best = c;
                    bestCascade = cascade;
                }
            }
            return best;
        }

        private boolean better(int a, int cascade) {
            double va = t.value(a);
            double vb = t.value(best);
            if ((va >= need) != (vb >= need)) {
                return va >= need;
            }
            if ((va > 0) != (vb > 0)) {
                return va > 0;
            }
            if (cascade != bestCascade) {
                return cascade < bestCascade;
            }
            int levels = Integer.compare(t.shape().level(a), t.shape().level(best));
            if (levels != 0) {
                return levels < 0;
            }
            int values = va >= need ? Double.compare(va, vb) : Double.compare(vb, va);
            return values != 0 ? values < 0 : a < best;
        }

        /** Relations of the cell with no hidden cell (hiding it starts a new one) minus those with exactly one. */
        private int cascade(int cell) {
            int[] score = {0};
            t.shape().forEachRelationOf(cell, (total, members, n) -> {
                int hidden = r.hidden(total) ? 1 : 0;
                for (int i = 0; i < n && hidden < 2; i++) {
                    hidden += r.hidden(members[i]) ? 1 : 0;
                }
                score[0] += hidden == 0 ? 1 : hidden == 1 ? -1 : 0;
            });
            return score[0];
        }
    }
}
