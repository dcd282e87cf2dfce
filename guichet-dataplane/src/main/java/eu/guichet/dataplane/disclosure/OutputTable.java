package eu.guichet.dataplane.disclosure;

import java.util.List;

/**
 * A result table as the checks see it: for every cell (categories, sub-totals and totals alike) the number of
 * contributors, the total of their values (a magnitude table) and the largest contributions, kept in descending
 * order — the contributor-level rules need them. Built by {@link OutputTableBuilder} from the query's rows, or from
 * aggregates only ({@link #contributorsKnown()} false: dominance and p% are then not checkable).
 */
public final class OutputTable {

    private final TableShape shape;
    private final boolean magnitude;
    private final boolean contributorsKnown;
    private final long[] count;
    private final double[] sum;
    private final double[] largest;
    private final int kept;

    OutputTable(TableShape shape, boolean magnitude, boolean contributorsKnown, long[] count, double[] sum,
            double[] largest, int kept) {
        this.shape = shape;
        this.magnitude = magnitude;
        this.contributorsKnown = contributorsKnown;
        this.count = count;
        this.sum = sum;
        this.largest = largest;
        this.kept = kept;
    }

    /** A frequency table (each contributor counts once) built from rows grouped by contributor. */
    public static OutputTableBuilder counting(List<Dimension> dimensions) {
        return new OutputTableBuilder(new TableShape(dimensions), false, 2);
    }

    /** A magnitude table (contributors' values summed) that keeps each cell's {@code kept} largest contributions. */
    public static OutputTableBuilder summing(List<Dimension> dimensions, int kept) {
        return new OutputTableBuilder(new TableShape(dimensions), true, Math.max(2, kept));
    }

    public TableShape shape() {
        return shape;
    }

    public boolean magnitude() {
        return magnitude;
    }

    public boolean contributorsKnown() {
        return contributorsKnown;
    }

    public long count(int cell) {
        return count[cell];
    }

    public double sum(int cell) {
        return sum[cell];
    }

    /** What the table releases for a cell: its total for a magnitude table, else its count. */
    public double value(int cell) {
        return magnitude ? sum[cell] : count[cell];
    }

    /** The i-th largest contribution (0 = largest), 0 when the cell has fewer contributors. */
    public double largest(int cell, int i) {
        if (i >= kept) {
            throw new IllegalArgumentException("the table keeps the " + kept + " largest contributions only");
        }
        return largest[cell * kept + i];
    }

    public int kept() {
        return kept;
    }
}
