package eu.guichet.dataplane.engine;

import java.util.List;

/**
 * The first rows of a query's result, as text for display.
 *
 * @param truncated the result had more rows than the session's {@link SandboxLimits#maxRows()}
 */
public record QueryResult(List<String> columns, List<List<String>> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
