package eu.guichet.access.internal;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import eu.guichet.access.FeeSchedule;
import eu.guichet.identity.OrganisationType;

/**
 * The HDAB's price list ({@code guichet.fees.*}, EHDS Art. 62), in euros. Defaults: Findata's published decision fees
 * and hourly rate; the SPE month and the reduction rates are assumptions the HDAB should set (see
 * {@link FeeSchedule#defaults()} and docs/reference/fees.md).
 *
 * @param permit          the decision on a data access application
 * @param extensivePermit the decision on an extensive application
 * @param dataRequest     the decision on a data request
 * @param amendment       one permit amendment
 * @param hourlyRate      one hour of the HDAB's work
 * @param speMonth        one month of secure processing environment
 * @param reductions      percent off the HDAB's fees by applicant organisation type
 * @param extensive       when an application is extensive
 */
@Validated
@ConfigurationProperties("guichet.fees")
public record FeeProperties(
        @NotNull @DecimalMin(value = "0", message = PRICE) @Digits(integer = 9, fraction = 2, message = CENTS)
        @DefaultValue("1000.00") BigDecimal permit,
        @NotNull @DecimalMin(value = "0", message = PRICE) @Digits(integer = 9, fraction = 2, message = CENTS)
        @DefaultValue("3000.00") BigDecimal extensivePermit,
        @NotNull @DecimalMin(value = "0", message = PRICE) @Digits(integer = 9, fraction = 2, message = CENTS)
        @DefaultValue("1000.00") BigDecimal dataRequest,
        @NotNull @DecimalMin(value = "0", message = PRICE) @Digits(integer = 9, fraction = 2, message = CENTS)
        @DefaultValue("350.00") BigDecimal amendment,
        @NotNull @DecimalMin(value = "0", message = PRICE) @Digits(integer = 9, fraction = 2, message = CENTS)
        @DefaultValue("115.00") BigDecimal hourlyRate,
        @NotNull @DecimalMin(value = "0", message = PRICE) @Digits(integer = 9, fraction = 2, message = CENTS)
        @DefaultValue("250.00") BigDecimal speMonth,
        @Valid @NotNull @DefaultValue Reductions reductions,
        @Valid @NotNull @DefaultValue Extensive extensive) {

    static final String PRICE = "must be a price in euros, zero or more";
    static final String CENTS = "must be euros with at most two decimals";
    static final String PERCENT = "must be a percentage from 0 to 100";

    /**
     * Percent off the HDAB's own fees (never off a holder's compensation). The law asks for reductions (Art. 62(3)),
     * not these rates: they are the HDAB's choice.
     */
    public record Reductions(
            @Min(value = 0, message = PERCENT) @Max(value = 100, message = PERCENT) @DefaultValue("50") int publicBody,
            @Min(value = 0, message = PERCENT) @Max(value = 100, message = PERCENT) @DefaultValue("50") int academic,
            @Min(value = 0, message = PERCENT) @Max(value = 100, message = PERCENT) @DefaultValue("25")
            int microEnterprise) {
    }

    /**
     * A data access application is extensive with more datasets than {@code datasetsAbove} (unset: not counted), more
     * distinct holders than {@code holdersAbove}, or, when {@code outsideEea}, an applicant established outside the
     * EEA.
     */
    public record Extensive(
            @Min(value = 0, message = "must be zero or more") Integer datasetsAbove,
            @Min(value = 0, message = "must be zero or more") @DefaultValue("15") int holdersAbove,
            @DefaultValue("true") boolean outsideEea) {
    }

    public FeeSchedule schedule() {
        return new FeeSchedule(permit, extensivePermit, dataRequest, amendment, hourlyRate, speMonth,
                Map.of(OrganisationType.PUBLIC_BODY, reductions.publicBody(), OrganisationType.ACADEMIC,
                        reductions.academic(), OrganisationType.MICRO_ENTERPRISE, reductions.microEnterprise()),
                new FeeSchedule.ExtensiveRule(extensive.datasetsAbove(), extensive.holdersAbove(),
                        extensive.outsideEea()));
    }
}
