package eu.guichet.bench;

/**
 * One line of the bench table: what was measured, on how much, our time, the baseline's time (when the row has one),
 * and the throughput of our path. Times are seconds of wall clock, after warm-up, in the same JVM.
 *
 * @param row      the row group ({@code --only} name)
 * @param what     what was measured
 * @param size     how much (e.g. "1,000,000 rows")
 * @param ours     our time in seconds, or {@code NaN} when not measured
 * @param baseline the baseline's time in seconds, or {@code NaN} when there is none
 * @param rate     our throughput, formatted with its unit, or "" when not meaningful
 * @param note     target and outcome, or why the row was not measured
 */
public record BenchRow(String row, String what, String size, double ours, double baseline, String rate, String note) {

    /** A row that could not be measured here, with the reason. */
    public static BenchRow notMeasured(String row, String what, String reason) {
        return new BenchRow(row, what, "", Double.NaN, Double.NaN, "", reason);
    }

    /** ours ÷ baseline, or NaN. */
    public double ratio() {
        return ours / baseline;
    }
}
