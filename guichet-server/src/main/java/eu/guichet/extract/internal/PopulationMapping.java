package eu.guichet.extract.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import eu.guichet.access.PermitScope;
import eu.guichet.dataplane.extract.Population;
import eu.guichet.ingest.LakeVersions.LakeDataset;
import eu.guichet.ingest.LakeVersions.LakeTable;

/**
 * A permit's population as filters the data can execute, on the first scoped dataset's person table (one holding its
 * persons' national pseudonyms) that has every column the filters need: age from a birth year or date (whole years at
 * the period's start), sex (FHIR {@code male}/{@code female}, SNDS codes {@code 1}/{@code 2}), region codes as
 * département prefixes of a postcode or département column; code lists ({@link CodeListMapping}) as persons with one of
 * the codes in the period. A permit whose filters find no column or no table is refused rather than given persons
 * outside its population.
 */
final class PopulationMapping {

    private static final Pattern DEPARTEMENT = Pattern.compile(".*(dpt|departement|département).*",
            Pattern.CASE_INSENSITIVE);

    private PopulationMapping() {
    }

    static Optional<Population> map(PermitScope.Population wanted, List<PermitScope.ScopedDataset> datasets,
            Map<String, LakeDataset> lake, LocalDate ageAt, PermitScope.Period period) {
        List<Population.CodeEvents> codeEvents = new ArrayList<>();
        for (PermitScope.CodeList list : wanted.codeLists()) {
            List<Population.CodeEvents> found = CodeListMapping.events(list, datasets, lake, period);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            codeEvents.addAll(found);
        }
        for (PermitScope.ScopedDataset d : datasets) {
            for (LakeTable t : lake.get(d.datasetId().toString()).tables().values()) {
                if (t.personColumns().isEmpty()) {
                    continue;
                }
                Optional<List<Population.Filter>> filters = filters(wanted, t, ageAt);
                if (filters.isPresent()) {
                    List<Population.Filter> all = new ArrayList<>(filters.get());
                    if (!codeEvents.isEmpty()) {
                        all.add(new Population.HasCode(t.personColumns().get(0), codeEvents));
                    }
                    return Optional.of(new Population(List.of(t.file()), t.personColumns().get(0), all));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Population.Filter>> filters(PermitScope.Population wanted, LakeTable t,
            LocalDate ageAt) {
        List<Population.Filter> filters = new ArrayList<>();
        if (wanted.minAge().isPresent() || wanted.maxAge().isPresent()) {
            Optional<String> birth = column(t, ScopeMapping.BIRTH);
            if (birth.isEmpty()) {
                return Optional.empty();
            }
            filters.add(new Population.AgeBetween(birth.get(), !t.columns().get(birth.get()).equals("DATE"),
                    wanted.minAge(), wanted.maxAge(), ageAt));
        }
        if (!wanted.sexes().isEmpty()) {
            Optional<String> sex = column(t, ScopeMapping.SEX);
            if (sex.isEmpty()) {
                return Optional.empty();
            }
            Set<String> values = new HashSet<>();
            for (PermitScope.Sex s : wanted.sexes()) {
                values.addAll(s == PermitScope.Sex.FEMALE ? List.of("female", "2", "F") : List.of("male", "1", "M"));
            }
            filters.add(new Population.ValueIn(sex.get(), values));
        }
        if (!wanted.regionCodes().isEmpty()) {
            Optional<String> place = column(t, ScopeMapping.POSTCODE).or(() -> column(t, DEPARTEMENT));
            if (place.isEmpty()) {
                return Optional.empty();
            }
            filters.add(new Population.PrefixIn(place.get(), wanted.regionCodes()));
        }
        return Optional.of(filters);
    }

    private static Optional<String> column(LakeTable t, Pattern name) {
        return t.columns().keySet().stream().filter(c -> name.matcher(c).matches()).findFirst();
    }
}
