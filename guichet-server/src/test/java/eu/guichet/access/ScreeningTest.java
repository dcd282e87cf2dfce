package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.guichet.access.ApplicationForm.TeamMember;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.identity.OrganisationType;

/**
 * The automatic screening as a table: a form, who submits it, the findings expected. The table and the rules are the
 * reference docs/reference/screening.md, written by {@link #writes_the_reference()}.
 */
@Tag("unit")
class ScreeningTest {

    private static final DatasetId CLAIMS = DatasetId.parse("00000000-0000-0000-0000-000000000001");

    record Case(String description, ApplicationKind kind, OrganisationType applicant, UnaryOperator<ApplicationForm> form,
            List<String> expected) {

        @Override
        public String toString() {
            return description;
        }
    }

    static ApplicationForm complete() {
        return ApplicationForms.aCompleteForm().forDataset(CLAIMS, "CLAIMS", "DCIR.BEN_SEX_COD").build();
    }

    static final List<Case> CASES = List.of(
            new Case("a complete application by a university", ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> f, List.of()),
            new Case("a first draft: a title and a dataset", ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> ApplicationForms.anIncompleteForm().forDataset(CLAIMS, "CLAIMS", "DCIR.BEN_SEX_COD").build(),
                    List.of("missing_summary", "missing_purposes", "missing_intended_use", "missing_expected_benefit",
                            "missing_period", "missing_no_prohibited_use", "missing_applicant_functions",
                            "missing_team", "missing_data_format", "missing_data_form", "missing_safeguards",
                            "missing_processing_months", "missing_processing_justification", "missing_tools",
                            "missing_ethics_assessment")),
            new Case("pseudonymised data without its justification and legal basis", ApplicationKind.DATA_ACCESS,
                    OrganisationType.ACADEMIC, f -> with(f, "dataFormJustification", null, "legalBasis", null),
                    List.of("missing_data_form_justification", "missing_legal_basis")),
            new Case("anonymised data needs no legal basis", ApplicationKind.DATA_ACCESS, OrganisationType.COMPANY,
                    f -> ApplicationForms.aCompleteForm().forDataset(CLAIMS, "CLAIMS", "DCIR.BEN_SEX_COD").anonymised()
                            .build(), List.of()),
            new Case("a variable without its justification", ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> with(f, "datasets", List.of(new ApplicationForm.RequestedDataset(CLAIMS, "CLAIMS", List.of(
                            new ApplicationForm.RequestedVariable("DCIR.BEN_SEX_COD", " "))))),
                    List.of("missing_variable_justifications")),
            new Case("a dataset without variables", ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> with(f, "datasets", List.of(new ApplicationForm.RequestedDataset(CLAIMS, "CLAIMS", List.of()))),
                    List.of("missing_variables")),
            new Case("two principal investigators", ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> with(f, "team", List.of(new TeamMember("alice", "PI", true), new TeamMember("bob", "PI", true))),
                    List.of("missing_team")),
            new Case("processing for more than 10 years", ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> with(f, "processingMonths", 121), List.of("missing_processing_months")),
            new Case("an opt-out exception without its justification", ApplicationKind.DATA_ACCESS,
                    OrganisationType.PUBLIC_BODY, f -> with(f, "optOutException", true),
                    List.of("missing_opt_out_exception_justification")),
            new Case("official statistics asked by a company", ApplicationKind.DATA_ACCESS, OrganisationType.COMPANY,
                    f -> with(f, "purposes", java.util.Set.of(Purpose.OFFICIAL_STATISTICS)),
                    List.of("purpose_reserved_to_public_sector")),
            new Case("public health asked by a public body", ApplicationKind.DATA_ACCESS, OrganisationType.PUBLIC_BODY,
                    f -> with(f, "purposes", java.util.Set.of(Purpose.PUBLIC_HEALTH)), List.of()),
            new Case("a data request without the statistics it asks for", ApplicationKind.DATA_REQUEST,
                    OrganisationType.COMPANY, f -> f, List.of("missing_requested_statistics")),
            new Case("a data request needs no team, tools nor legal basis", ApplicationKind.DATA_REQUEST,
                    OrganisationType.COMPANY, f -> with(f, "team", List.of(), "tools", null, "legalBasis", null,
                            "requestedStatistics", "Counts of first prescriptions by year and region"), List.of()),
            new Case("insurance premiums (EN)", ApplicationKind.DATA_ACCESS, OrganisationType.COMPANY,
                    f -> with(f, "intendedUse", "Set insurance premiums from claims history."),
                    List.of("prohibited_insurance")),
            new Case("targeted advertising (FR, accents ignored)", ApplicationKind.DATA_ACCESS,
                    OrganisationType.COMPANY, f -> with(f, "intendedUse", "Cibler la PUBLICITÉ auprès des patients."),
                    List.of("prohibited_advertising")),
            new Case("promotion of a product to prescribers (SNDS rule)", ApplicationKind.DATA_ACCESS,
                    OrganisationType.COMPANY, f -> with(f, "expectedBenefit",
                            "Promouvoir notre médicament auprès des médecins."), List.of("prohibited_product_promotion")),
            new Case("a tobacco cessation study is flagged, not refused: the reviewer reads it",
                    ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> with(f, "title", "Arrêt du tabac après un infarctus"), List.of("prohibited_harmful_products")),
            new Case("words inside other words do not match (\"prescreening\", \"premiere\")",
                    ApplicationKind.DATA_ACCESS, OrganisationType.ACADEMIC,
                    f -> with(f, "intendedUse", "Prescreening of premiere visits"), List.of()));

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void screens_as_the_table_says(Case c) {
        ApplicationForm form = c.form().apply(complete());
        assertThat(Screening.screen(c.kind(), form, c.applicant())).extracting(ScreeningFinding::code)
                .containsExactlyInAnyOrderElementsOf(c.expected());
    }

    @Test
    void only_flags_let_an_application_through() {
        assertThat(Screening.blocks(Screening.screen(ApplicationKind.DATA_ACCESS,
                with(complete(), "intendedUse", "insurance"), OrganisationType.COMPANY))).isFalse();
        assertThat(Screening.blocks(Screening.screen(ApplicationKind.DATA_ACCESS,
                with(complete(), "purposes", java.util.Set.of(Purpose.POLICY_MAKING)), OrganisationType.COMPANY)))
                .isTrue();
    }

    @Test
    void writes_the_reference() throws IOException {
        StringBuilder md = new StringBuilder("""
                # Screening of submissions

                Generated by `ScreeningTest` from `eu.guichet.access.Screening` (do not edit by hand). Every
                submission is screened at once. A finding `INCOMPLETE` or `NOT_ALLOWED` sends the application back to
                the applicant (AWAITING_ADDITIONAL_INFORMATION, 4 weeks to complete, once); a `FLAG` lets it through
                to PRE_SCREENING and is shown to the reviewer, who decides: words are clues, not proof, so a machine
                never refuses on them. Each finding's text is the message `screening.<code>` (French and English).

                ## Rules

                - Completeness: every field the kind of application requires — Art. 67(2)(a)–(k) and 67(4) for a data
                  access application, Art. 69 for a data request (title, summary, purposes, intended use, expected
                  benefit, datasets with variables each justified, period, the declaration of no prohibited use, and
                  the statistics asked for). A team member must be an account of the platform (`unknown_team_member`).
                - Purposes (a) public health, (b) policy-making and (c) official statistics only for public-sector
                  bodies (`purpose_reserved_to_public_sector`, Art. 53(2)).
                - Words of the title, summary, intended use and expected benefit that may describe a prohibited use,
                  matched at the start of a word, lower-case, accents ignored:

                | code | basis | word stems |
                |---|---|---|
                """);
        for (Screening.ProhibitedUseRule r : Screening.PROHIBITED_USES) {
            md.append("| `").append(r.code()).append("` | ").append(r.basis()).append(" | ")
                    .append(String.join(", ", r.stems())).append(" |\n");
        }
        md.append("\n## Examples (the spec table)\n\n| case | kind | applicant | findings |\n|---|---|---|---|\n");
        for (Case c : CASES) {
            md.append("| ").append(c.description()).append(" | ").append(c.kind()).append(" | ").append(c.applicant())
                    .append(" | ").append(c.expected().isEmpty() ? "none" : c.expected().stream()
                            .map(x -> "`" + x + "`").collect(java.util.stream.Collectors.joining(", ")))
                    .append(" |\n");
        }
        Path file = Path.of("..", "docs", "reference", "screening.md");
        Files.writeString(file, md.toString());
        assertThat(file).content().contains("prohibited_insurance");
    }

    /** The form with some components replaced, by name (the form has 26 components; tests change one or two). */
    static ApplicationForm with(ApplicationForm f, Object... namesAndValues) {
        var components = ApplicationForm.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(f);
                for (int j = 0; j < namesAndValues.length; j += 2) {
                    if (components[i].getName().equals(namesAndValues[j])) {
                        values[i] = namesAndValues[j + 1];
                    }
                }
            }
            Class<?>[] types = java.util.Arrays.stream(components).map(c -> c.getType()).toArray(Class<?>[]::new);
            return ApplicationForm.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
