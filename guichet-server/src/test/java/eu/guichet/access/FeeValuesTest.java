package eu.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.access.FeeSchedule.ExtensiveRule;
import eu.guichet.identity.OrganisationType;

/** The fee values refuse what cannot be a price, a count or a consistent estimate. */
@Tag("unit")
class FeeValuesTest {

    static final BigDecimal THOUSAND = new BigDecimal("1000");

    static FeeSchedule schedule(BigDecimal permit, Map<OrganisationType, Integer> reductions) {
        return new FeeSchedule(permit, THOUSAND, THOUSAND, THOUSAND, THOUSAND, THOUSAND, reductions,
                new ExtensiveRule(null, 15, true));
    }

    @Test
    void a_schedule_refuses_negative_prices_fractions_of_cents_and_reductions_outside_0_to_100() {
        assertThatThrownBy(() -> schedule(new BigDecimal("-1"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("permit must be zero or more, not -1");
        assertThatThrownBy(() -> schedule(new BigDecimal("10.005"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than two decimals");
        assertThatThrownBy(() -> schedule(THOUSAND, Map.of(OrganisationType.ACADEMIC, 101)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ACADEMIC must be 0 to 100 %");
        assertThatThrownBy(() -> new ExtensiveRule(-1, 15, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_schedule_keeps_amounts_with_two_decimals() {
        FeeSchedule schedule = schedule(new BigDecimal("1000"), Map.of());
        assertThat(schedule.permit()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(schedule.reductionFor(OrganisationType.COMPANY)).isZero();
        assertThat(schedule).isEqualTo(schedule(new BigDecimal("1000.0"), Map.of()));
    }

    @Test
    void an_input_refuses_negative_counts_spe_for_a_data_request_and_more_compensations_than_holders() {
        assertThatThrownBy(() -> FeeInput.decisionOnly(ApplicationKind.DATA_ACCESS, OrganisationType.COMPANY, false,
                -1, 1)).isInstanceOf(IllegalArgumentException.class);
        FeeInput request = FeeInput.decisionOnly(ApplicationKind.DATA_REQUEST, OrganisationType.COMPANY, false, 1, 1);
        assertThatThrownBy(() -> request.withWork(BigDecimal.ONE, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no secure processing environment");
        HolderCompensation one = HolderCompensation.estimatedBy("CHU", new BigDecimal("10"));
        assertThatThrownBy(() -> request.withHolderCompensations(List.of(one, one)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one per holder");
        assertThatThrownBy(() -> request.withWork(new BigDecimal("-2"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_compensation_names_its_holder_and_the_hdab_says_why_it_set_one() {
        assertThatThrownBy(() -> HolderCompensation.estimatedBy(" ", BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HolderCompensation.setByHdab("CHU", BigDecimal.TEN, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("says why");
        assertThatThrownBy(() -> HolderCompensation.estimatedBy("CHU", new BigDecimal("-5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HolderCompensation.setByHdab("CHU", BigDecimal.TEN, "no agreement").findSetByHdabReason())
                .contains("no agreement");
        assertThat(HolderCompensation.estimatedBy("CHU", BigDecimal.TEN).findSetByHdabReason()).isEmpty();
    }

    @Test
    void an_estimate_adds_up_or_is_refused() {
        FeeLine permit = FeeLine.of(FeeCode.PERMIT, BigDecimal.ONE, THOUSAND);
        FeeLine noReduction = new FeeLine(FeeCode.REDUCTION, "", "", BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO);
        assertThatThrownBy(() -> new FeeEstimate(List.of(permit), Set.of(), 0, noReduction, THOUSAND,
                new BigDecimal("900"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up");
        assertThatThrownBy(() -> new FeeEstimate(List.of(permit, noReduction), Set.of(), 0, noReduction,
                THOUSAND, THOUSAND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeLine.of(FeeCode.PERMIT, BigDecimal.ONE, new BigDecimal("-3")))
                .isInstanceOf(IllegalArgumentException.class);
        FeeEstimate estimate = new FeeEstimate(List.of(permit), Set.of(), 0, noReduction, THOUSAND, THOUSAND);
        assertThat(estimate).isEqualTo(FeeEstimate.of(List.of(permit), Set.of(), 0));
        assertThat(estimate.hasReduction()).isFalse();
        assertThat(FeeEstimate.nothing().total()).isEqualTo(new BigDecimal("0.00"));
    }
}
