package eu.guichet.dataplane.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eu.guichet.dataplane.tabular.Sql;

/**
 * Who is in an extract, as filters on a person table (one row per person, its national pseudonym in
 * {@code personColumn}): persons who fail one filter are left out of every table. The filters are typed, so the SQL is
 * built here from names and values, never taken as text.
 *
 * @param files        the person table's Parquet files (need not be a table of the extract)
 * @param personColumn its national-pseudonym column
 */
public record Population(List<Path> files, String personColumn, List<Filter> filters) {

    public Population {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a population filter reads a person table");
        }
        ExtractSpec.checkName(personColumn);
        filters = List.copyOf(filters);
    }

    /** One condition on the person table's row. */
    public sealed interface Filter permits AgeBetween, ValueIn, PrefixIn {
        String sql(String alias);
    }

    /**
     * Age in whole years at {@code at}, from the year of birth ({@code yearOnly}: the column is a year; otherwise a
     * date), between the bounds (both included).
     */
    public record AgeBetween(String column, boolean yearOnly, Optional<Integer> min, Optional<Integer> max,
            LocalDate at) implements Filter {

        public AgeBetween {
            ExtractSpec.checkName(column);
        }

        @Override
        public String sql(String alias) {
            String year = yearOnly ? "TRY_CAST(" + alias + "." + Sql.id(column) + " AS INTEGER)"
                    : "year(TRY_CAST(" + alias + "." + Sql.id(column) + " AS DATE))";
            String age = "(" + at.getYear() + " - " + year + ")";
            return "(" + age + " IS NOT NULL" + min.map(m -> " AND " + age + " >= " + m).orElse("")
                    + max.map(m -> " AND " + age + " <= " + m).orElse("") + ")";
        }
    }

    /** The column's text is one of the values. */
    public record ValueIn(String column, Set<String> values) implements Filter {

        public ValueIn {
            ExtractSpec.checkName(column);
            values = Set.copyOf(values);
        }

        @Override
        public String sql(String alias) {
            return "CAST(" + alias + "." + Sql.id(column) + " AS VARCHAR) IN (" + values.stream().sorted()
                    .map(Sql::literal).collect(Collectors.joining(", ")) + ")";
        }
    }

    /** The column's text starts with one of the prefixes (e.g. a postcode and département codes). */
    public record PrefixIn(String column, Set<String> prefixes) implements Filter {

        public PrefixIn {
            ExtractSpec.checkName(column);
            prefixes = Set.copyOf(prefixes);
        }

        @Override
        public String sql(String alias) {
            return "(" + prefixes.stream().sorted().map(p -> "starts_with(CAST(" + alias + "." + Sql.id(column)
                    + " AS VARCHAR), " + Sql.literal(p) + ")").collect(Collectors.joining(" OR ")) + ")";
        }
    }

    /** The persons who pass every filter, as a query of their national pseudonyms. */
    String persons() {
        String where = filters.isEmpty() ? "true" : filters.stream().map(f -> f.sql("t"))
                .collect(Collectors.joining(" AND "));
        return "SELECT " + Sql.id(personColumn) + " FROM read_parquet([" + files.stream().map(Sql::path)
                .collect(Collectors.joining(", ")) + "]) t WHERE " + Sql.id(personColumn) + " IS NOT NULL AND "
                + where;
    }
}
