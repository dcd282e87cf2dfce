package eu.guichet.dataplane.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first rows of a query's result, as text for display.
 *
 * @param truncated the result had more rows than the session's {@link SandboxLimits#maxRows()}
 * @param totalRows how many rows the whole result has (the preview shows at most {@code maxRows} of them)
 */
public record QueryResult(List<String> columns, List<List<String>> rows, boolean truncated, long totalRows) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    public QueryResult(List<String> columns, List<List<String>> rows, boolean truncated) {
        this(columns, rows, truncated, rows.size());
    }
}
