package eu.guichet.dataplane.engine;

/**
 * A batch writer into one table: rows are buffered by the engine and written on {@link #close()} (or earlier, as the
 * engine sees fit). Values are given in the table's column order.
 */
public interface Appender extends AutoCloseable {

    /**
     * Appends one row; values may be {@code String}, {@code Long}, {@code Integer}, {@code Double}, {@code Boolean},
     * {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime}, a
     * {@code Collection} (a LIST column) or {@code null}; any other type is an {@link IllegalArgumentException}.
     */
    Appender row(Object... values);

    /** Writes the buffered rows. */
    @Override
    void close();
}
