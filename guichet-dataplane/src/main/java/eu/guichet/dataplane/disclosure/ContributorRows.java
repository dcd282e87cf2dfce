package eu.guichet.dataplane.disclosure;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import eu.guichet.dataplane.engine.DuckDbEngine;
import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.tabular.Sql;

/**
 * Re-runs the query that produced a result table, on an engine session (DuckDB today), and streams its
 * rows into an {@link OutputTable}: one row per contributor and cell ({@code GROUP BY} categories and contributor,
 * values summed), ordered by contributor as the builder needs. Categories the query does not return are found first
 * ({@code SELECT DISTINCT}) unless the dimensions are declared. A DuckDB error keeps only its SQLState: its message
 * can quote a value.
 */
public final class ContributorRows {

    /** The label of a NULL category. */
    public static final String MISSING = "(missing)";

    private ContributorRows() {
    }

    /**
     * @param query the saved query (a SELECT), run as a sub-query
     * @param categoryColumns the table's dimensions, as columns of the query
     * @param contributorColumn who contributes (person, hospital...)
     * @param valueColumn the amount summed, empty for a frequency table (each contributor counts once)
     * @param declared dimensions with their full list of categories, empty to take the categories the query returns
     */
    public static OutputTable read(Connection connection, String query, List<String> categoryColumns,
            String contributorColumn, Optional<String> valueColumn, Optional<List<Dimension>> declared, int kept) {
        try (WorkSession s = DuckDbEngine.borrow(connection)) {
            return read(s, query, categoryColumns, contributorColumn, valueColumn, declared, kept);
        } catch (EngineException e) {
            throw new DisclosureException("the query could not be re-run for the checks (SQLState " + e.getSQLState()
                    + ")");
        }
    }

    /** As {@link #read(Connection, String, List, String, Optional, Optional, int)}, on an engine session. */
    public static OutputTable read(WorkSession s, String query, List<String> categoryColumns,
            String contributorColumn, Optional<String> valueColumn, Optional<List<Dimension>> declared, int kept) {
        String from = " FROM (" + query + ") q";
        try {
            List<Dimension> dimensions = declared.isPresent() ? declared.get() : discover(s, from, categoryColumns);
            OutputTableBuilder b = valueColumn.isPresent() ? OutputTable.summing(dimensions, kept)
                    : OutputTable.counting(dimensions);
            String categories = categoryColumns.stream().map(ContributorRows::label).collect(Collectors.joining(", "));
            String contributor = "CAST(" + Sql.id(contributorColumn) + " AS VARCHAR)";
            String value = valueColumn.map(v -> "sum(" + Sql.id(v) + ")::DOUBLE").orElse("1.0");
            int k = categoryColumns.size();
            String[] labels = new String[k];
            s.forEachRow("SELECT " + categories + ", " + contributor + " AS contributor, " + value
                    + from + " WHERE " + Sql.id(contributorColumn) + " IS NOT NULL GROUP BY ALL ORDER BY contributor",
                    row -> {
                        for (int d = 0; d < k; d++) {
                            labels[d] = row.string(d + 1);
                        }
                        b.add(row.string(k + 1), row.isNull(k + 2) ? 0 : row.doubleValue(k + 2), labels);
                    });
            return b.build();
        } catch (EngineException e) {
            throw new DisclosureException("the query could not be re-run for the checks (SQLState " + e.getSQLState()
                    + ")");
        } catch (IllegalArgumentException e) {
            throw new DisclosureException("the query's rows do not fit the table: " + e.getMessage());
        }
    }

    private static List<Dimension> discover(WorkSession s, String from, List<String> columns) {
        List<Dimension> dimensions = new ArrayList<>();
        for (String column : columns) {
            List<String> categories = new ArrayList<>();
            s.forEachRow("SELECT DISTINCT " + label(column) + " AS c" + from + " ORDER BY c",
                    row -> categories.add(row.string(1)));
            dimensions.add(new Dimension(column, categories, Map.of()));
        }
        return dimensions;
    }

    private static String label(String column) {
        return "coalesce(CAST(" + Sql.id(column) + " AS VARCHAR), " + Sql.literal(MISSING) + ")";
    }
}
