package eu.guichet.workspace;

import java.util.List;

/**
 * What a client receives for a query: the columns, at most the preview's rows, how many rows the whole result has,
 * and how long it ran. Larger results stay in the workspace (as scratch tables).
 *
 * @param truncated    the result had more rows than the preview shows
 * @param budgetLeft   preview rows the caller may still receive today
 */
public record QueryPreview(List<String> columns, List<List<String>> rows, long totalRows, boolean truncated,
        long durationMs, long budgetLeft) {
}
