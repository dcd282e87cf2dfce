package eu.guichet.dataplane.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What one extract contains.
 *
 * @param extractId     names the extract's directory: the permit and its version ({@code <permit>-v<n>})
 * @param tables        the tables, each with its lake files, person column and allowed columns
 * @param from          first day of the period (events whose date column is earlier are left out)
 * @param to            last day of the period
 * @param anonymisation for an anonymised permit: the minimum k and how to generalise the quasi-identifiers
 * @param population    who is in the extract, when the permit narrows it (persons outside are left out of every table)
 */
public record ExtractSpec(String extractId, List<TableSpec> tables, Optional<LocalDate> from, Optional<LocalDate> to,
        Optional<Anonymisation> anonymisation, Optional<Population> population) {

    /** An extract of everyone the tables hold. */
    public ExtractSpec(String extractId, List<TableSpec> tables, Optional<LocalDate> from, Optional<LocalDate> to,
            Optional<Anonymisation> anonymisation) {
        this(extractId, tables, from, to, anonymisation, Optional.empty());
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Pattern EXTRACT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    public ExtractSpec {
        if (extractId == null || !EXTRACT_ID.matcher(extractId).matches()) {
            throw new IllegalArgumentException("not an extract id: " + extractId);
        }
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("an extract has at least one table");
        }
        if (tables.stream().map(TableSpec::name).distinct().count() != tables.size()) {
            throw new IllegalArgumentException("table names are unique in an extract");
        }
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(anonymisation, "anonymisation");
        Objects.requireNonNull(population, "population");
        List<TableSpec> all = tables;
        anonymisation.ifPresent(a -> {
            if (all.stream().noneMatch(t -> t.name().equals(a.personTable()))) {
                throw new IllegalArgumentException("the person table " + a.personTable() + " is not in the extract");
            }
        });
    }

    /**
     * One table of the extract.
     *
     * @param name         the table's name in the extract
     * @param files        its Parquet files in the lake (one version)
     * @param personColumn the column holding the national pseudonym of the person each row is about or, with a
     *                     {@code personLink}, the column that references the link table's key
     * @param columns      the other columns the permit allows
     * @param dateColumn   the column the period filters on, if any
     * @param personLink   where the national pseudonym is when the table holds only a reference to its person (FHIR
     *                     resources reference their Patient, whose row holds the national identifier)
     * @param optOutGroup  names the opt-out snapshot applied to this table (tables added by an amendment have a later
     *                     reference instant than the granted ones)
     * @param recordIds    columns among {@code columns} holding lake pseudonyms of records or persons (FHIR ids and
     *                     references, holder patient numbers): given re-keyed for the project, so two projects'
     *                     extracts share none
     */
    public record TableSpec(String name, List<Path> files, String personColumn, List<String> columns,
            Optional<String> dateColumn, Optional<PersonLink> personLink, String optOutGroup, List<String> recordIds) {

        /** The opt-out group of a spec with one snapshot. */
        public static final String DEFAULT_GROUP = "default";

        public TableSpec {
            checkName(name);
            checkName(personColumn);
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("table " + name + " has no file");
            }
            columns = List.copyOf(columns);
            columns.forEach(ExtractSpec::checkName);
            Objects.requireNonNull(dateColumn, "dateColumn");
            dateColumn.ifPresent(ExtractSpec::checkName);
            Objects.requireNonNull(personLink, "personLink");
            checkName(optOutGroup);
            recordIds = List.copyOf(recordIds);
            if (!columns.containsAll(recordIds)) {
                throw new IllegalArgumentException("record id columns of " + name + " are among its columns");
            }
        }

        /** A table that holds its persons' national pseudonyms, under the default opt-out snapshot. */
        public TableSpec(String name, List<Path> files, String personColumn, List<String> columns,
                Optional<String> dateColumn) {
            this(name, files, personColumn, columns, dateColumn, Optional.empty(), DEFAULT_GROUP, List.of());
        }
    }

    /**
     * The table that gives a referenced person's national pseudonym: {@code keyColumn} is what the referencing
     * table's person column holds, {@code personColumn} the national pseudonym (null when the source had none: such
     * persons are left out, since their opt-out cannot be checked).
     */
    public record PersonLink(List<Path> files, String keyColumn, String personColumn) {

        public PersonLink {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("a person link has files");
            }
            checkName(keyColumn);
            checkName(personColumn);
        }
    }

    /**
     * k-anonymity for an anonymised permit: in {@code personTable} (one row per person), the quasi-identifiers are
     * generalised, then every person whose combination of generalised quasi-identifiers is shared by fewer than
     * {@code minimumK} persons is suppressed from every table.
     */
    public record Anonymisation(int minimumK, String personTable, Map<String, Generalisation> quasiIdentifiers) {

        public Anonymisation {
            if (minimumK < 2) {
                throw new IllegalArgumentException("k-anonymity needs k of at least 2");
            }
            checkName(personTable);
            quasiIdentifiers = Map.copyOf(quasiIdentifiers);
            quasiIdentifiers.keySet().forEach(ExtractSpec::checkName);
            if (quasiIdentifiers.isEmpty()) {
                throw new IllegalArgumentException("k-anonymity needs at least one quasi-identifier");
            }
        }
    }

    /** How a quasi-identifier is generalised. */
    public enum Generalisation {
        /** Kept as it is (already coarse, e.g. a year of birth or a sex). */
        KEEP,
        /** A date becomes its year. */
        YEAR,
        /** A date becomes the first day of its month. */
        MONTH,
        /** A French postcode becomes its département (2 characters; 3 overseas, 97x). */
        DEPARTEMENT
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
    }
}
