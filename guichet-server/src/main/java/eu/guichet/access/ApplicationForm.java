package eu.guichet.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import eu.guichet.catalogue.DatasetId;

/**
 * What the applicant writes: every field of EHDS Art. 67(2) (a)–(k) and the legal basis of Art. 67(4) for a data
 * access application; for a data request (Art. 69), the subset it needs and the statistics asked for. A draft may
 * leave any field empty ({@code null} or an empty list); {@link Screening} says what a submission still lacks.
 *
 * @param title                    short public title (the register shows it)
 * @param summary                  public lay summary of the project
 * @param purposes                 (b) the Art. 53(1) purposes
 * @param applicantFunctions       (a) the applicant's professional functions
 * @param team                     (a) the persons who will access the data, one principal investigator
 * @param intendedUse              (c) the intended use
 * @param expectedBenefit          (c) the expected benefit
 * @param datasets                 (d) the datasets and, for each variable, why it is needed (minimisation)
 * @param periodFrom               (d) time range: first day of the events wanted
 * @param periodTo                 (d) time range: last day
 * @param population               (d) population criteria and geographical coverage (region codes)
 * @param dataFormat               (d) the format wanted (tables in the SPE, Parquet...)
 * @param dataForm                 (e) pseudonymised or anonymised
 * @param dataFormJustification    (e) why pseudonymised data is needed (anonymised would not do)
 * @param broughtData              (f) datasets the applicant brings into the secure processing environment
 * @param safeguards               (g) safeguards against re-identification and misuse
 * @param processingMonths         (h) how long the processing lasts, in months (a permit lasts at most 10 years)
 * @param processingJustification  (h) why that long
 * @param tools                    (i) tools and computing resources needed in the SPE
 * @param ethicsAssessment         (j) the ethics assessment (committee, reference, date) where required
 * @param optOutException          (k) whether the applicant relies on an Art. 71 exception to the opt-out
 * @param optOutExceptionJustification (k) why
 * @param legalBasis               Art. 67(4): the GDPR Art. 6(1) basis for pseudonymised data
 * @param legalBasisDescription    Art. 67(4): how that basis applies
 * @param requestedStatistics      data request only: the statistics asked for (tables, breakdowns)
 * @param noProhibitedUse          the applicant declares the data will serve none of the Art. 54 prohibited uses
 */
public record ApplicationForm(String title, String summary, Set<Purpose> purposes, String applicantFunctions,
        List<TeamMember> team, String intendedUse, String expectedBenefit, List<RequestedDataset> datasets,
        LocalDate periodFrom, LocalDate periodTo, PermitScope.Population population, String dataFormat,
        DataForm dataForm, String dataFormJustification, String broughtData, String safeguards,
        Integer processingMonths, String processingJustification, String tools, String ethicsAssessment,
        boolean optOutException, String optOutExceptionJustification, LegalBasis legalBasis,
        String legalBasisDescription, String requestedStatistics, boolean noProhibitedUse) {

    public ApplicationForm {
        purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        team = team == null ? List.of() : List.copyOf(team);
        datasets = datasets == null ? List.of() : List.copyOf(datasets);
        population = population == null ? PermitScope.Population.EVERYONE : population;
        title = strip(title);
        summary = strip(summary);
        applicantFunctions = strip(applicantFunctions);
        intendedUse = strip(intendedUse);
        expectedBenefit = strip(expectedBenefit);
        dataFormat = strip(dataFormat);
        dataFormJustification = strip(dataFormJustification);
        broughtData = strip(broughtData);
        safeguards = strip(safeguards);
        processingJustification = strip(processingJustification);
        tools = strip(tools);
        ethicsAssessment = strip(ethicsAssessment);
        optOutExceptionJustification = strip(optOutExceptionJustification);
        legalBasisDescription = strip(legalBasisDescription);
        requestedStatistics = strip(requestedStatistics);
    }

    /** An empty form with the datasets (and chosen variables) of a basket. */
    public static ApplicationForm startingWith(List<RequestedDataset> datasets) {
        return new ApplicationForm(null, null, Set.of(), null, List.of(), null, null, datasets, null, null, null,
                null, null, null, null, null, null, null, null, null, false, null, null, null, null, false);
    }

    /** A person named in the application who will access the data (Art. 67(2)(a)); a user account of the platform. */
    public record TeamMember(String username, String function, boolean principalInvestigator) {

        public TeamMember {
            username = strip(username);
            function = strip(function);
        }
    }

    /** A dataset asked for, with its variables. */
    public record RequestedDataset(DatasetId datasetId, String identifier, List<RequestedVariable> variables) {

        public RequestedDataset {
            Objects.requireNonNull(datasetId, "datasetId");
            variables = variables == null ? List.of() : List.copyOf(variables);
        }
    }

    /** One variable ({@code TABLE.COLUMN}) and why the project needs it (data minimisation, Art. 66). */
    public record RequestedVariable(String name, String justification) {

        public RequestedVariable {
            Objects.requireNonNull(name, "name");
            justification = strip(justification);
        }
    }

    /** The lawfulness grounds of GDPR Art. 6(1), by letter. */
    public enum LegalBasis {
        CONSENT("a"), CONTRACT("b"), LEGAL_OBLIGATION("c"), VITAL_INTERESTS("d"), PUBLIC_INTEREST("e"),
        LEGITIMATE_INTERESTS("f");

        private final String letter;

        LegalBasis(String letter) {
            this.letter = letter;
        }

        public String letter() {
            return letter;
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
