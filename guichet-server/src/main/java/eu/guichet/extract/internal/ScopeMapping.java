package eu.guichet.extract.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import eu.guichet.access.DataForm;
import eu.guichet.access.PermitScope;
import eu.guichet.dataplane.extract.ExtractSpec;
import eu.guichet.dataplane.extract.Population;
import eu.guichet.dataplane.extract.ExtractSpec.Generalisation;
import eu.guichet.dataplane.extract.ExtractSpec.TableSpec;
import eu.guichet.ingest.LakeVersions;
import eu.guichet.ingest.LakeVersions.LakeDataset;
import eu.guichet.ingest.LakeVersions.LakeTable;

/**
 * Maps a permit's scope, on the datasets' current lake versions, to what the data plane builds: one table per scoped
 * lake table with the variables allowed, its person (own national-pseudonym column, or the FHIR patient it
 * references), the period's date column, the opt-out group of its dataset's reference instant, and for an anonymised
 * permit the quasi-identifiers of the person table. What cannot be executed is refused with a reason code.
 */
final class ScopeMapping {

    /** Date columns that describe the person, not an event: never the period's column. */
    private static final Pattern PERSON_DATE = Pattern.compile(".*(birth|naiss|_nai_|nai_dte|deceased|death|dcd|deces).*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern BIRTH = Pattern.compile(".*(birth|naiss|_nai).*", Pattern.CASE_INSENSITIVE);
    static final Pattern SEX = Pattern.compile("(.*_)?(sex|gender|sexe)(_.*)?|.*_sex_.*",
            Pattern.CASE_INSENSITIVE);
    static final Pattern POSTCODE = Pattern.compile(".*(postcode|postal|code_postal|_cp$|_cp_).*",
            Pattern.CASE_INSENSITIVE);

    private ScopeMapping() {
    }

    /** The mapping's outcome: a spec and the opt-out group of each reference instant, or a refusal. */
    record Mapped(Optional<ExtractSpec> spec, Map<String, Instant> groups, List<MappedTable> tables,
            List<String> variablesNotFound, List<String> withheld, Optional<String> refusal) {
    }

    /** One table as the evidence shows it. */
    record MappedTable(String table, String dataset, String lakeVersion, String lakeTable, List<String> columns,
            List<String> recordIds, String person, Optional<String> dateColumn, Instant optOutReference) {
    }

    static Mapped map(String extractId, PermitScope scope, Map<String, LakeDataset> lake, LocalDate today) {
        List<TableSpec> tables = new ArrayList<>();
        List<MappedTable> shown = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        Map<String, Instant> groups = new TreeMap<>();
        for (PermitScope.ScopedDataset d : scope.datasets()) {
            LakeDataset data = lake.get(d.datasetId().toString());
            String group = "at_" + d.optOutReference().toEpochMilli();
            groups.put(group, d.optOutReference());
            Map<String, List<String>> byTable = new LinkedHashMap<>();
            for (String variable : d.variables()) {
                int dot = variable.indexOf('.');
                LakeTable t = dot < 0 ? null : data.tables().get(variable.substring(0, dot));
                String column = dot < 0 ? "" : variable.substring(dot + 1);
                if (t == null || !t.columns().containsKey(column)) {
                    notFound.add(d.identifier() + ":" + variable);
                    continue;
                }
                byTable.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(column);
            }
            for (var e : byTable.entrySet()) {
                LakeTable t = data.tables().get(e.getKey());
                Optional<Person> person = person(data, t);
                if (person.isEmpty()) {
                    return refused("extract.no_person_column", groups, shown, notFound, withheld);
                }
                List<String> columns = new ArrayList<>();
                List<String> recordIds = new ArrayList<>();
                for (String c : e.getValue()) {
                    if (c.equals(person.get().column) || t.personColumns().contains(c)) {
                        // the person is the project pseudonym person_id; a second national pseudonym is withheld
                        withheld.add(d.identifier() + ":" + t.name() + "." + c);
                    } else if (!columns.contains(c)) {
                        columns.add(c);
                        if (t.pseudonymColumns().contains(c)) {
                            recordIds.add(c);
                        }
                    }
                }
                String name = uniqueName(t.name(), tables);
                Optional<String> date = t.columns().entrySet().stream()
                        .filter(c -> c.getValue().equals("DATE") && !PERSON_DATE.matcher(c.getKey()).matches())
                        .map(Map.Entry::getKey).findFirst();
                tables.add(new TableSpec(name, List.of(t.file()), person.get().column, columns, date,
                        person.get().link, group, recordIds));
                shown.add(new MappedTable(name, d.identifier(), data.version(), t.name(), columns, recordIds,
                        person.get().shown, date, d.optOutReference()));
            }
        }
        if (tables.isEmpty()) {
            return refused("extract.no_table", groups, shown, notFound, withheld);
        }
        Optional<Population> population = Optional.empty();
        if (!scope.population().equals(PermitScope.Population.EVERYONE)) {
            population = PopulationMapping.map(scope.population(), scope.datasets(), lake,
                    scope.period().from().orElse(today), scope.period());
            if (population.isEmpty()) {
                return refused("extract.population_not_executable", groups, shown, notFound, withheld);
            }
        }
        Optional<ExtractSpec.Anonymisation> anonymisation = Optional.empty();
        if (scope.form() == DataForm.ANONYMISED) {
            anonymisation = anonymisation(scope.anonymisation().orElseThrow(), tables);
            if (anonymisation.isEmpty()) {
                return refused("extract.no_quasi_identifier", groups, shown, notFound, withheld);
            }
        }
        ExtractSpec spec = new ExtractSpec(extractId, tables, scope.period().from(), scope.period().to(),
                anonymisation, population);
        return new Mapped(Optional.of(spec), groups, shown, notFound, withheld, Optional.empty());
    }

    private static Mapped refused(String reason, Map<String, Instant> groups, List<MappedTable> shown,
            List<String> notFound, List<String> withheld) {
        return new Mapped(Optional.empty(), groups, shown, notFound, withheld, Optional.of(reason));
    }

    private record Person(String column, Optional<ExtractSpec.PersonLink> link, String shown) {
    }

    private static Optional<Person> person(LakeDataset data, LakeTable t) {
        if (!t.personColumns().isEmpty()) {
            String c = t.personColumns().get(0);
            return Optional.of(new Person(c, Optional.empty(), t.name() + "." + c));
        }
        LakeTable patients = data.tables().get(LakeVersions.FHIR_PERSON_TABLE);
        if (t.columns().containsKey(LakeVersions.FHIR_PATIENT_KEY) && patients != null
                && patients.personColumns().contains(LakeVersions.FHIR_PERSON_COLUMN)) {
            return Optional.of(new Person(LakeVersions.FHIR_PATIENT_KEY, Optional.of(new ExtractSpec.PersonLink(
                    List.of(patients.file()), LakeVersions.FHIR_PATIENT_KEY, LakeVersions.FHIR_PERSON_COLUMN)),
                    patients.name() + "." + LakeVersions.FHIR_PERSON_COLUMN + " via " + t.name() + "."
                            + LakeVersions.FHIR_PATIENT_KEY));
        }
        return Optional.empty();
    }

    /** The lake table's name, or with a number when another dataset's table has it already. */
    private static String uniqueName(String name, List<TableSpec> tables) {
        String candidate = name;
        for (int i = 2; taken(candidate, tables); i++) {
            candidate = name + "_" + i;
        }
        return candidate;
    }

    private static boolean taken(String name, List<TableSpec> tables) {
        return tables.stream().anyMatch(t -> t.name().equalsIgnoreCase(name));
    }

    /**
     * k-anonymity on the first table with its own person column that has quasi-identifiers among its columns: birth
     * dates to their year (when the permit allows it), sexes kept, postcodes to their département.
     */
    private static Optional<ExtractSpec.Anonymisation> anonymisation(PermitScope.Anonymisation rules,
            List<TableSpec> tables) {
        for (TableSpec t : tables) {
            if (t.personLink().isPresent()) {
                continue;
            }
            Map<String, Generalisation> qis = new TreeMap<>();
            for (String c : t.columns()) {
                String lower = c.toLowerCase(Locale.ROOT);
                if (BIRTH.matcher(lower).matches()) {
                    qis.put(c, rules.generalisations().contains(PermitScope.Generalisation.BIRTH_DATE_TO_YEAR)
                            && !lower.endsWith("year") ? Generalisation.YEAR : Generalisation.KEEP);
                } else if (SEX.matcher(lower).matches()) {
                    qis.put(c, Generalisation.KEEP);
                } else if (POSTCODE.matcher(lower).matches()) {
                    qis.put(c, rules.generalisations().contains(PermitScope.Generalisation.POSTCODE_TO_DEPARTEMENT)
                            ? Generalisation.DEPARTEMENT : Generalisation.KEEP);
                }
            }
            if (!qis.isEmpty()) {
                return Optional.of(new ExtractSpec.Anonymisation(rules.minimumK(), t.name(), qis));
            }
        }
        return Optional.empty();
    }
}
