package eu.guichet.dataplane.disclosure;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds an {@link OutputTable} in one pass over the query's rows {@code (categories..., contributor, value)}, which
 * must come grouped by contributor (ORDER BY contributor): each contributor's values are summed per cell, sub-total
 * and total, then counted once in each — so a margin's largest contribution is the contributor's whole share of it,
 * even when the contributor spreads over several cells. Memory: the table's cells and one contributor's cells.
 * Alternatively from aggregates only ({@link #aggregate}), margins then summed from the categories.
 */
public final class OutputTableBuilder {

    private final TableShape shape;
    private final boolean magnitude;
    private final int kept;
    private final long[] count;
    private final double[] sum;
    private final double[] largest;
    private final Map<Integer, double[]> current = new HashMap<>();
    private String contributor;
    private int contributorLeaf = -1;
    private boolean rows;
    private boolean aggregates;
    private final int[] slots;

    OutputTableBuilder(TableShape shape, boolean magnitude, int kept) {
        this.shape = shape;
        this.magnitude = magnitude;
        this.kept = kept;
        this.count = new long[shape.cells()];
        this.sum = new double[shape.cells()];
        this.largest = new double[shape.cells() * kept];
        this.slots = new int[shape.dimensions().size()];
    }

    /** One row: a contributor's value in the cell of these categories (frequency tables ignore the value). */
    public OutputTableBuilder add(String contributorId, double value, String... categories) {
        for (int d = 0; d < slots.length; d++) {
            slots[d] = shape.slot(d, categories[d]);
        }
        return add(contributorId, value, slots);
    }

    /** One row, categories given as their positions in each dimension's list. */
    public OutputTableBuilder add(String contributorId, double value, int... categorySlots) {
        if (aggregates) {
            throw new IllegalStateException("a table is built from rows or from aggregates, not both");
        }
        rows = true;
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("contributions must be finite and non-negative");
        }
        if (!contributorId.equals(contributor)) {
            flush();
            contributor = contributorId;
        }
        int leaf = 0;
        for (int d = 0; d < categorySlots.length; d++) {
            if (categorySlots[d] >= shape.dimensions().get(d).categories().size()) {
                throw new IllegalArgumentException("rows name categories, not totals");
            }
            leaf += categorySlots[d] * shape.stride(d);
        }
        if (!magnitude && contributorLeaf >= 0 && contributorLeaf != leaf) {
            throw new IllegalArgumentException("in a frequency table a contributor belongs to one cell; "
                    + "count events as contributors or make the table a magnitude table");
        }
        contributorLeaf = leaf;
        addToAncestors(0, leaf, categorySlots, magnitude ? value : 1);
        return this;
    }

    private void addToAncestors(int d, int cell, int[] categorySlots, double v) {
        if (d == categorySlots.length) {
            double[] acc = current.computeIfAbsent(cell, c -> new double[1]);
            acc[0] = magnitude ? acc[0] + v : 1;
            return;
        }
        addToAncestors(d + 1, cell, categorySlots, v);
        int leafPart = categorySlots[d] * shape.stride(d);
        for (int p : shape.parents(d, categorySlots[d])) {
            addToAncestors(d + 1, cell - leafPart + p * shape.stride(d), categorySlots, v);
        }
    }

    private void flush() {
        for (Map.Entry<Integer, double[]> e : current.entrySet()) {
            int cell = e.getKey();
            double v = e.getValue()[0];
            count[cell]++;
            sum[cell] += v;
            insertLargest(largest, cell * kept, kept, v);
        }
        current.clear();
        contributorLeaf = -1;
    }

    static void insertLargest(double[] top, int from, int n, double v) {
        if (v <= top[from + n - 1]) {
            return;
        }
        int i = from + n - 1;
        while (i > from && top[i - 1] < v) {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = v;
    }

    /** One cell's aggregate (categories only; margins are summed at build). Contributors stay unknown. */
    public OutputTableBuilder aggregate(long cellCount, double magnitudeTotal, String... categories) {
        if (rows) {
            throw new IllegalStateException("a table is built from rows or from aggregates, not both");
        }
        aggregates = true;
        int cell = shape.cell(categories);
        if (shape.level(cell) != 0 || cellCount < 0) {
            throw new IllegalArgumentException("aggregates are given for categories, with a count >= 0");
        }
        count[cell] = cellCount;
        sum[cell] = magnitude ? magnitudeTotal : cellCount;
        return this;
    }

    public OutputTable build() {
        flush();
        if (aggregates) {
            sumMargins();
        }
        return new OutputTable(shape, magnitude, !aggregates, count, sum, largest, kept);
    }

    /** Dimension by dimension, adds each category's cell into its sub-totals and total (margins of margins too). */
    private void sumMargins() {
        for (int d = 0; d < slots.length; d++) {
            int categories = shape.dimensions().get(d).categories().size();
            for (int cell = 0; cell < shape.cells(); cell++) {
                int slot = shape.coordinate(cell, d);
                if (slot >= categories || !allCategoriesBefore(cell, d)) {
                    continue;
                }
                for (int p : shape.parents(d, slot)) {
                    int target = cell + (p - slot) * shape.stride(d);
                    count[target] += count[cell];
                    sum[target] += sum[cell];
                }
            }
        }
    }

    /** Cells whose later dimensions are categories: processing dimension d adds only those not yet summed. */
    private boolean allCategoriesBefore(int cell, int d) {
        for (int e = d + 1; e < slots.length; e++) {
            if (shape.coordinate(cell, e) >= shape.dimensions().get(e).categories().size()) {
                return false;
            }
        }
        return true;
    }
}
