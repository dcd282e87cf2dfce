package eu.guichet.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import eu.guichet.access.FeeCalculator;
import eu.guichet.access.FeeSchedule;
import eu.guichet.identity.OrganisationType;

/** {@code guichet.fees.*} binds to the calculator's schedule; a price list that cannot be one stops the start. */
@Tag("slice")
class FeeConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FeeConfiguration.class);

    @Test
    void defaults_to_the_documented_schedule() {
        context.run(c -> assertThat(c.getBean(FeeCalculator.class).schedule()).isEqualTo(FeeSchedule.defaults()));
    }

    @Test
    void binds_every_key() {
        context.withPropertyValues("guichet.fees.permit=1200", "guichet.fees.extensive-permit=3600.50",
                "guichet.fees.data-request=900", "guichet.fees.amendment=400", "guichet.fees.hourly-rate=120",
                "guichet.fees.spe-month=0", "guichet.fees.reductions.public-body=100",
                "guichet.fees.reductions.academic=40", "guichet.fees.reductions.micro-enterprise=0",
                "guichet.fees.extensive.datasets-above=10", "guichet.fees.extensive.holders-above=3",
                "guichet.fees.extensive.outside-eea=false").run(c -> {
                    FeeSchedule s = c.getBean(FeeCalculator.class).schedule();
                    assertThat(s.permit()).isEqualTo(new BigDecimal("1200.00"));
                    assertThat(s.extensivePermit()).isEqualTo(new BigDecimal("3600.50"));
                    assertThat(s.dataRequest()).isEqualTo(new BigDecimal("900.00"));
                    assertThat(s.amendment()).isEqualTo(new BigDecimal("400.00"));
                    assertThat(s.hourlyRate()).isEqualTo(new BigDecimal("120.00"));
                    assertThat(s.speMonth()).isEqualTo(new BigDecimal("0.00"));
                    assertThat(s.reductionFor(OrganisationType.PUBLIC_BODY)).isEqualTo(100);
                    assertThat(s.reductionFor(OrganisationType.ACADEMIC)).isEqualTo(40);
                    assertThat(s.reductionFor(OrganisationType.MICRO_ENTERPRISE)).isZero();
                    assertThat(s.extensive()).isEqualTo(new FeeSchedule.ExtensiveRule(10, 3, false));
                });
    }

    @Test
    void refuses_a_negative_price_naming_the_property() {
        context.withPropertyValues("guichet.fees.hourly-rate=-115").run(c -> assertThat(c).getFailure()
                .rootCause().hasMessageContaining("guichet.fees")
                .hasMessageContaining("hourlyRate")
                .hasMessageContaining("must be a price in euros, zero or more"));
    }

    @Test
    void refuses_fractions_of_a_cent_and_reductions_above_100() {
        context.withPropertyValues("guichet.fees.permit=99.999").run(c -> assertThat(c).getFailure().rootCause()
                .hasMessageContaining("must be euros with at most two decimals"));
        context.withPropertyValues("guichet.fees.reductions.academic=120").run(c -> assertThat(c).getFailure()
                .rootCause().hasMessageContaining("reductions.academic")
                .hasMessageContaining("must be a percentage from 0 to 100"));
        context.withPropertyValues("guichet.fees.extensive.holders-above=-1").run(c -> assertThat(c).hasFailed());
    }
}
