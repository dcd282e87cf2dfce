package eu.guichet.dataplane.disclosure;

import java.util.List;

/**
 * What a release made public: each cell's released value, NaN where hidden. The project's earlier releases are kept
 * in this form and given to the differencing check and to the attacker.
 */
public record Release(TableShape shape, double[] values) {

    public Release {
        if (values.length != shape.cells()) {
            throw new IllegalArgumentException("one value per cell");
        }
        values = values.clone();
    }

    /** The released value of a cell, NaN when hidden. */
    public double value(List<String> labels) {
        return values[shape.cell(labels)];
    }

    public double value(int cell) {
        return values[cell];
    }

    public boolean hidden(int cell) {
        return Double.isNaN(values[cell]);
    }

    /** Each cell of {@code other}'s position in this release, -1 where this release has no such cell. */
    int[] positionsOf(TableShape other) {
        int[] map = new int[other.cells()];
        boolean same = other.dimensions().equals(shape.dimensions());
        for (int c = 0; c < map.length; c++) {
            if (same) {
                map[c] = c;
            } else {
                try {
                    map[c] = shape.cell(other.labels(c));
                } catch (IllegalArgumentException e) {
                    map[c] = -1;
                }
            }
        }
        return map;
    }
}
