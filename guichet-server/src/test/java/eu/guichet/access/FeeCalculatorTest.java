package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import eu.guichet.access.FeeSchedule.ExtensiveReason;
import eu.guichet.identity.OrganisationType;

/**
 * The spec of the fees (EHDS Art. 62): one row per case, application → lines and total, on the default schedule. The
 * same rows make the worked examples of docs/reference/fees.md ({@link FeesReferenceTest}).
 */
@Tag("unit")
class FeeCalculatorTest {

    /**
     * Columns: kind | applicant organisation type | datasets/holders | options | expected lines (code amount, the
     * reduction last), {@code none}, or {@code refused} | expected total | what the row shows. Options, separated by
     * {@code ;}: {@code outside-eea}, {@code hours <h>}, {@code spe <months>}, {@code amendments <n>},
     * {@code holder <name>=<euros>}, {@code hdab-set <name>=<euros> because <reason>}, {@code datasets-above <n>}
     * (that schedule setting), {@code withdrawn <status reached>} (the costs incurred instead of the estimate),
     * {@code amendment-only} (the estimate of amending a granted permit).
     */
    static final String SPEC = """
            DATA_ACCESS | COMPANY | 2/1 | | PERMIT 1000.00 | 1000.00 | a company pays the full price
            DATA_ACCESS | ACADEMIC | 2/1 | | PERMIT 1000.00, REDUCTION -500.00 | 500.00 | academic researchers: 50 % off the HDAB's fees
            DATA_ACCESS | PUBLIC_BODY | 2/1 | | PERMIT 1000.00, REDUCTION -500.00 | 500.00 | public bodies: 50 % off
            DATA_ACCESS | MICRO_ENTERPRISE | 2/1 | | PERMIT 1000.00, REDUCTION -250.00 | 750.00 | micro-enterprises: 25 % off
            DATA_ACCESS | DATA_HOLDER | 2/1 | | PERMIT 1000.00 | 1000.00 | other organisation types: no reduction
            DATA_ACCESS | COMPANY | 40/15 | | PERMIT 1000.00 | 1000.00 | 15 holders and 40 datasets: still a normal permit
            DATA_ACCESS | COMPANY | 40/16 | | EXTENSIVE_PERMIT 3000.00 | 3000.00 | more than 15 holders: extensive
            DATA_ACCESS | COMPANY | 1/1 | outside-eea | EXTENSIVE_PERMIT 3000.00 | 3000.00 | an applicant established outside the EEA: extensive
            DATA_ACCESS | ACADEMIC | 1/1 | outside-eea | EXTENSIVE_PERMIT 3000.00, REDUCTION -1500.00 | 1500.00 | extensive, then reduced
            DATA_ACCESS | COMPANY | 6/2 | datasets-above 5 | EXTENSIVE_PERMIT 3000.00 | 3000.00 | with guichet.fees.extensive.datasets-above=5, 6 datasets are extensive
            DATA_ACCESS | COMPANY | 5/2 | datasets-above 5 | PERMIT 1000.00 | 1000.00 | ... and 5 are not
            DATA_REQUEST | COMPANY | 2/1 | | DATA_REQUEST 1000.00 | 1000.00 | the decision on a data request
            DATA_REQUEST | PUBLIC_BODY | 3/20 | outside-eea | DATA_REQUEST 1000.00, REDUCTION -500.00 | 500.00 | a data request is never extensive; reduced for a public body
            DATA_REQUEST | COMPANY | 2/1 | hours 6 | DATA_REQUEST 1000.00, PREPARATION 690.00 | 1690.00 | the HDAB's hours producing the statistics
            DATA_ACCESS | COMPANY | 3/2 | hours 12.5; spe 6 | PERMIT 1000.00, PREPARATION 1437.50, SPE 1500.00 | 3937.50 | hours at 115 euros, SPE months at 250 euros
            DATA_ACCESS | MICRO_ENTERPRISE | 3/2 | hours 12.5 | PERMIT 1000.00, PREPARATION 1437.50, REDUCTION -609.38 | 1828.12 | 25 % of 2437.50 is 609.375: rounded half up to the cent
            DATA_ACCESS | COMPANY | 1/1 | hours 0.25 | PERMIT 1000.00, PREPARATION 28.75 | 1028.75 | a quarter of an hour
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; holder CHU de Lille=800.00 | PERMIT 1000.00, PREPARATION 1150.00, SPE 3000.00, HOLDER_COMPENSATION 2400.00, HOLDER_COMPENSATION 800.00, REDUCTION -2575.00 | 5775.00 | the reduction is on the HDAB's 5150.00 only: holders' compensation is passed on in full
            DATA_ACCESS | COMPANY | 2/2 | holder CHU de Lille=800.00; hdab-set Registre des cancers=1200.00 because no agreement within one month | PERMIT 1000.00, HOLDER_COMPENSATION 800.00, HOLDER_COMPENSATION_SET_BY_HDAB 1200.00 | 3000.00 | holder and user did not agree within one month: the HDAB set that holder's compensation
            DATA_ACCESS | COMPANY | 1/1 | amendments 2 | PERMIT 1000.00, AMENDMENT 700.00 | 1700.00 | two amendments at 350 euros
            DATA_ACCESS | ACADEMIC | 1/1 | amendment-only; amendments 1; hours 2; spe 6 | AMENDMENT 350.00, PREPARATION 230.00, SPE 1500.00, REDUCTION -1040.00 | 1040.00 | amending a granted permit (more persons, 6 more months): no decision fee, the same reduction
            DATA_ACCESS | COMPANY | 1/1 | amendment-only | refused | | an amendment estimate counts at least one amendment
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn DRAFT | none | 0.00 | withdrawn as a draft: nothing
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn SUBMITTED | none | 0.00 | withdrawn during the automatic screening: nothing
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn PRE_SCREENING | none | 0.00 | withdrawn during the completeness check: nothing
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn AWAITING_ADDITIONAL_INFORMATION | none | 0.00 | withdrawn while incomplete: nothing
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn PROCESSING | PERMIT 1000.00, REDUCTION -500.00 | 500.00 | withdrawn during the assessment: the decision fee, reduced; no hours, SPE or compensation
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn AWAITING_CLARIFICATION | PERMIT 1000.00, REDUCTION -500.00 | 500.00 | withdrawn while answering a question of the assessor: the same
            DATA_ACCESS | ACADEMIC | 3/2 | hours 10; spe 12; holder Assurance Maladie=2400.00; withdrawn DECISION_ISSUED | PERMIT 1000.00, REDUCTION -500.00 | 500.00 | given up after the decision: the decision fee; later work is billed as done
            DATA_ACCESS | COMPANY | 1/1 | outside-eea; withdrawn PROCESSING | EXTENSIVE_PERMIT 3000.00 | 3000.00 | an extensive decision fee is incurred in full too
            DATA_REQUEST | COMPANY | 2/1 | hours 6; withdrawn PROCESSING | DATA_REQUEST 1000.00 | 1000.00 | a data request withdrawn during its assessment
            DATA_ACCESS | COMPANY | 1/1 | withdrawn WITHDRAWN | refused | | pass the status reached before the withdrawal...
            DATA_ACCESS | COMPANY | 1/1 | withdrawn LAPSED | refused | | ... or before the application lapsed
            """;

    /** One row of the spec. */
    record Case(ApplicationKind kind, OrganisationType applicant, int datasets, int holders, String options,
            String lines, String total, String why) {

        static Case parse(String line) {
            String[] c = Arrays.stream(line.split("\\|", -1)).map(String::strip).toArray(String[]::new);
            String[] counts = c[2].split("/");
            return new Case(ApplicationKind.valueOf(c[0]), OrganisationType.valueOf(c[1]),
                    Integer.parseInt(counts[0]), Integer.parseInt(counts[1]), c[3], c[4], c[5], c[6]);
        }

        @Override
        public String toString() {
            return kind + " " + applicant + " " + datasets + "/" + holders + (options.isEmpty() ? "" : " [" + options
                    + "]") + " → " + lines;
        }

        List<String> optionList() {
            return options.isEmpty() ? List.of() : Arrays.stream(options.split(";")).map(String::strip).toList();
        }

        String option(String name) {
            return optionList().stream().filter(o -> o.startsWith(name + " ")).map(o -> o.substring(name.length() + 1))
                    .findFirst().orElse(null);
        }

        FeeSchedule schedule() {
            FeeSchedule d = FeeSchedule.defaults();
            String datasetsAbove = option("datasets-above");
            return datasetsAbove == null ? d
                    : new FeeSchedule(d.permit(), d.extensivePermit(), d.dataRequest(), d.amendment(), d.hourlyRate(),
                            d.speMonth(), d.reductions(), new FeeSchedule.ExtensiveRule(
                                    Integer.valueOf(datasetsAbove), d.extensive().holdersAbove(),
                                    d.extensive().outsideEea()));
        }

        FeeInput input() {
            List<HolderCompensation> compensations = new ArrayList<>();
            for (String option : optionList()) {
                if (option.startsWith("holder ")) {
                    String[] named = option.substring("holder ".length()).split("=");
                    compensations.add(HolderCompensation.estimatedBy(named[0], new BigDecimal(named[1])));
                } else if (option.startsWith("hdab-set ")) {
                    String[] because = option.substring("hdab-set ".length()).split(" because ");
                    String[] named = because[0].split("=");
                    compensations.add(HolderCompensation.setByHdab(named[0], new BigDecimal(named[1]), because[1]));
                }
            }
            String hours = option("hours");
            String months = option("spe");
            String amendments = option("amendments");
            return FeeInput.decisionOnly(kind, applicant, optionList().contains("outside-eea"), datasets, holders)
                    .withWork(hours == null ? BigDecimal.ZERO : new BigDecimal(hours),
                            months == null ? 0 : Integer.parseInt(months))
                    .withAmendments(amendments == null ? 0 : Integer.parseInt(amendments))
                    .withHolderCompensations(compensations);
        }

        ApplicationStatus withdrawnAt() {
            String stage = option("withdrawn");
            return stage == null ? null : ApplicationStatus.valueOf(stage);
        }

        /** The estimate, or the costs incurred when the row withdraws the application. */
        FeeEstimate run() {
            FeeCalculator calculator = new FeeCalculator(schedule());
            if (optionList().contains("amendment-only")) {
                return calculator.amendmentEstimate(input());
            }
            FeeEstimate estimate = calculator.estimate(input());
            return withdrawnAt() == null ? estimate : calculator.costsIncurred(estimate, withdrawnAt());
        }
    }

    static Stream<Case> spec() {
        return SPEC.lines().filter(l -> !l.isBlank()).map(Case::parse);
    }

    static String codesAndAmounts(FeeEstimate estimate) {
        List<FeeLine> lines = estimate.linesWithReduction();
        return lines.isEmpty() ? "none"
                : lines.stream().map(l -> l.code() + " " + l.amount().toPlainString()).collect(Collectors.joining(", "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spec")
    void computes_the_lines_and_the_total(Case row) {
        if (row.lines().equals("refused")) {
            assertThatThrownBy(row::run).as(row.why()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(row.why().contains("amendment") ? "at least one amendment"
                            : "status reached before");
            return;
        }
        FeeEstimate estimate = row.run();
        assertThat(codesAndAmounts(estimate)).as(row.why()).isEqualTo(row.lines());
        assertThat(estimate.total()).as(row.why()).isEqualTo(new BigDecimal(row.total()));
        assertThat(estimate.subtotal().add(estimate.reduction().amount())).isEqualTo(estimate.total());
        assertThat(estimate.subtotal()).isEqualTo(estimate.hdabFees().add(estimate.holderCompensation()));
        assertThat(estimate.linesWithReduction()).allSatisfy(l -> {
            assertThat(l.amount().scale()).isEqualTo(2);
            assertThat(l.amount()).isEqualTo(l.quantity().multiply(l.unitPrice()).setScale(2,
                    java.math.RoundingMode.HALF_UP));
        });
    }

    @Test
    void the_spec_covers_every_line_reduction_extensive_reason_and_withdrawal_stage() {
        List<Case> rows = spec().toList();
        List<FeeEstimate> results = rows.stream().filter(r -> !r.lines().equals("refused")).map(Case::run).toList();
        assertThat(results.stream().flatMap(e -> e.linesWithReduction().stream()).map(FeeLine::code).distinct())
                .containsExactlyInAnyOrder(FeeCode.values());
        assertThat(rows.stream().map(r -> r.input().applicantType()).distinct()).contains(
                OrganisationType.PUBLIC_BODY, OrganisationType.ACADEMIC, OrganisationType.MICRO_ENTERPRISE,
                OrganisationType.COMPANY);
        assertThat(rows.stream().map(Case::withdrawnAt).filter(s -> s != null).distinct())
                .containsExactlyInAnyOrder(ApplicationStatus.values());
        assertThat(rows.stream().flatMap(r -> new FeeCalculator(r.schedule()).estimate(r.input())
                .extensiveReasons().stream()).distinct()).containsExactlyInAnyOrder(ExtensiveReason.values());
        assertThat(rows.stream().map(Case::kind).distinct()).containsExactlyInAnyOrder(ApplicationKind.values());
    }

    @Test
    void an_extensive_estimate_says_why() {
        FeeEstimate estimate = new FeeCalculator(FeeSchedule.defaults()).estimate(
                FeeInput.decisionOnly(ApplicationKind.DATA_ACCESS, OrganisationType.COMPANY, true, 1, 16));
        assertThat(estimate.extensiveReasons()).containsExactly(ExtensiveReason.MANY_HOLDERS,
                ExtensiveReason.OUTSIDE_EEA);
        assertThat(estimate.isExtensive()).isTrue();
    }
}
