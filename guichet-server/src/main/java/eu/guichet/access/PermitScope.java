package eu.guichet.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import eu.guichet.catalogue.DatasetId;

/**
 * What a permit allows, in a form the data plane executes (ARCHITECTURE.md, "Contracts between modules"): the
 * datasets and, for each, the variables as lake {@code TABLE.COLUMN}; the period; typed population filters; the
 * form of the data (pseudonymised or anonymised with its minimum k); and, per dataset, the instant from which opt-outs
 * apply (the grant, or the amendment that added it), unless the permit records an Art. 71 exception.
 *
 * @param datasets      at least one
 * @param period        the events' time range
 * @param population    who is in the extract
 * @param form          pseudonymised or anonymised
 * @param anonymisation how to anonymise; present exactly when {@code form} is {@link DataForm#ANONYMISED}
 * @param optOutException the Art. 71 exception the permit records, if any: opted-out persons are then kept
 */
public record PermitScope(List<ScopedDataset> datasets, Period period, Population population, DataForm form,
        Optional<Anonymisation> anonymisation, Optional<OptOutException> optOutException) {

    public PermitScope {
        datasets = List.copyOf(datasets);
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("a permit scope names at least one dataset");
        }
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(anonymisation, "anonymisation");
        Objects.requireNonNull(optOutException, "optOutException");
        if (anonymisation.isPresent() != (form == DataForm.ANONYMISED)) {
            throw new IllegalArgumentException("anonymisation rules go with, and only with, anonymised data");
        }
    }

    /**
     * One dataset of the scope.
     *
     * @param variables       {@code TABLE.COLUMN} of each variable allowed (the lake's names)
     * @param optOutReference opt-outs that took effect before this instant exclude the person: the grant, or the
     *                        amendment that added this dataset
     */
    public record ScopedDataset(DatasetId datasetId, String identifier, List<String> variables,
            Instant optOutReference) {

        public ScopedDataset {
            Objects.requireNonNull(datasetId, "datasetId");
            Objects.requireNonNull(optOutReference, "optOutReference");
            variables = List.copyOf(variables);
        }
    }

    /** The events' time range, both ends included; an absent end is open. */
    public record Period(Optional<LocalDate> from, Optional<LocalDate> to) {

        public static final Period OPEN = new Period(Optional.empty(), Optional.empty());

        public Period {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                throw new IllegalArgumentException("a period ends after it starts");
            }
        }
    }

    /**
     * Who is in the extract. Empty sets and absent bounds do not filter.
     *
     * @param regionCodes French région or département codes (INSEE)
     * @param codeLists   persons with at least one of these codes (diagnoses, procedures) in the period
     */
    public record Population(Optional<Integer> minAge, Optional<Integer> maxAge, Set<Sex> sexes,
            Set<String> regionCodes, List<CodeList> codeLists) {

        public static final Population EVERYONE = new Population(Optional.empty(), Optional.empty(), Set.of(),
                Set.of(), List.of());

        public Population {
            Objects.requireNonNull(minAge, "minAge");
            Objects.requireNonNull(maxAge, "maxAge");
            sexes = Set.copyOf(sexes);
            regionCodes = Set.copyOf(regionCodes);
            codeLists = List.copyOf(codeLists);
            if (minAge.isPresent() && maxAge.isPresent() && maxAge.get() < minAge.get()) {
                throw new IllegalArgumentException("the maximum age is at least the minimum age");
            }
        }
    }

    /** Administrative sex as the sources record it. */
    public enum Sex {
        FEMALE, MALE
    }

    /** Codes in one coding system (e.g. {@code http://hl7.org/fhir/sid/icd-10}, {@code CCAM}). */
    public record CodeList(String system, Set<String> codes) {

        public CodeList {
            Objects.requireNonNull(system, "system");
            codes = Set.copyOf(codes);
        }
    }

    /** How quasi-identifiers are generalised for an anonymised permit, and the k to reach. */
    public record Anonymisation(int minimumK, Set<Generalisation> generalisations) {

        public Anonymisation {
            if (minimumK < 2) {
                throw new IllegalArgumentException("k-anonymity needs k of at least 2");
            }
            generalisations = Set.copyOf(generalisations);
        }
    }

    /** A generalisation step the extract may apply. */
    public enum Generalisation {
        BIRTH_DATE_TO_YEAR, DATES_TO_MONTH, POSTCODE_TO_DEPARTEMENT
    }

    /** The Art. 71 exception recorded in the permit, with its justification. */
    public record OptOutException(String justification) {

        public OptOutException {
            if (justification == null || justification.isBlank()) {
                throw new IllegalArgumentException("an opt-out exception is justified");
            }
        }
    }
}
