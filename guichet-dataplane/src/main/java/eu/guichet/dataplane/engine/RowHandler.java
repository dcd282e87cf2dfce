package eu.guichet.dataplane.engine;

/** Receives the rows of {@link WorkSession#forEachRow} one at a time. */
@FunctionalInterface
public interface RowHandler {

    void row(Row row);

    /** The current row; valid only during {@link RowHandler#row}. Columns are numbered from 1. */
    interface Row {

        String string(int column);

        /** The value as a long, 0 for NULL (see {@link #isNull}). */
        long longValue(int column);

        /** The value as a double, 0 for NULL (see {@link #isNull}). */
        double doubleValue(int column);

        boolean isNull(int column);
    }
}
