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
    public sealed interface Filter permits AgeBetween, ValueIn, PrefixIn, HasCode {
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

    /**
     * The person (column {@code personColumn} of the person table, a national pseudonym) has at least one event with
     * one of the codes in the period, in one of the {@code sources} (a code list executed on every table that holds
     * codes of its system).
     */
    public record HasCode(String personColumn, List<CodeEvents> sources) implements Filter {

        public HasCode {
            ExtractSpec.checkName(personColumn);
            sources = List.copyOf(sources);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("a code filter reads at least one event table");
            }
        }

        @Override
        public String sql(String alias) {
            return alias + "." + Sql.id(personColumn) + " IN (" + sources.stream().map(CodeEvents::persons)
                    .collect(Collectors.joining(" UNION ")) + ")";
        }
    }

    /**
     * Events carrying codes (FHIR conditions, procedures; a claims table's diagnosis column): the persons of the
     * events whose code is one of {@code codes}, in system {@code system} when the table has a {@code systemColumn},
     * dated within [{@code from}, {@code to}] when a bound is given ({@code dateColumn}; undated events then do not
     * count). The event's person is {@code personColumn} itself (a national pseudonym), or, with a {@code link},
     * the link table's person column on the row whose {@code key} equals the event's {@code personColumn} (FHIR:
     * {@code condition.patient_id} → {@code patient.person_id}).
     */
    public record CodeEvents(List<Path> files, String personColumn, String codeColumn, Optional<String> systemColumn,
            String system, Set<String> codes, Optional<String> dateColumn, Optional<LocalDate> from,
            Optional<LocalDate> to, Optional<Link> link) {

        public CodeEvents {
            files = List.copyOf(files);
            ExtractSpec.checkName(personColumn);
            ExtractSpec.checkName(codeColumn);
            systemColumn.ifPresent(ExtractSpec::checkName);
            dateColumn.ifPresent(ExtractSpec::checkName);
            codes = Set.copyOf(codes);
            if (files.isEmpty() || codes.isEmpty()) {
                throw new IllegalArgumentException("a code filter reads an event table for at least one code");
            }
        }

        String persons() {
            StringBuilder sql = new StringBuilder("SELECT ").append(link.map(l -> "l." + Sql.id(l.personColumn()))
                    .orElse("e." + Sql.id(personColumn))).append(" FROM ").append(read(files)).append(" e");
            link.ifPresent(l -> sql.append(" JOIN ").append(read(l.files())).append(" l ON l.").append(Sql.id(l.key()))
                    .append(" = e.").append(Sql.id(personColumn)));
            sql.append(" WHERE CAST(e.").append(Sql.id(codeColumn)).append(" AS VARCHAR) IN (").append(codes.stream()
                    .sorted().map(Sql::literal).collect(Collectors.joining(", "))).append(")");
            systemColumn.ifPresent(c -> sql.append(" AND CAST(e.").append(Sql.id(c)).append(" AS VARCHAR) = ")
                    .append(Sql.literal(system)));
            if (dateColumn.isPresent() && (from.isPresent() || to.isPresent())) {
                String date = "TRY_CAST(e." + Sql.id(dateColumn.get()) + " AS DATE)";
                from.ifPresent(d -> sql.append(" AND ").append(date).append(" >= DATE ")
                        .append(Sql.literal(d.toString())));
                to.ifPresent(d -> sql.append(" AND ").append(date).append(" <= DATE ")
                        .append(Sql.literal(d.toString())));
            }
            return sql.toString();
        }
    }

    /** A table mapping an event table's person reference ({@code key}) to the national pseudonym. */
    public record Link(List<Path> files, String key, String personColumn) {

        public Link {
            files = List.copyOf(files);
            ExtractSpec.checkName(key);
            ExtractSpec.checkName(personColumn);
        }
    }

    private static String read(List<Path> files) {
        return "read_parquet([" + files.stream().map(Sql::path).collect(Collectors.joining(", ")) + "])";
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
