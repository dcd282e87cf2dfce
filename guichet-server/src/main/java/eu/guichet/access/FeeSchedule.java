package eu.guichet.access;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import eu.guichet.identity.OrganisationType;

/**
 * The HDAB's price list (EHDS Art. 62): what each decision, hour and month costs, the reductions by kind of
 * applicant organisation, and when an application counts as extensive. Immutable; set through
 * {@code guichet.fees.*}. Amounts in euros with two decimals, never negative; reductions in whole percent, 0–100.
 *
 * @param permit          the decision on a data access application (normal permit)
 * @param extensivePermit the decision on an extensive application (see {@link ExtensiveRule})
 * @param dataRequest     the decision on a data request (Art. 69), whatever its size
 * @param amendment       one permit amendment
 * @param hourlyRate      one hour of the HDAB's work (linking, preparing, pseudonymising, anonymising)
 * @param speMonth        one month of the secure processing environment
 * @param reductions      percent off the HDAB's fees, by applicant organisation type (absent: no reduction)
 * @param extensive       when a data access application is extensive
 */
public record FeeSchedule(BigDecimal permit, BigDecimal extensivePermit, BigDecimal dataRequest, BigDecimal amendment,
        BigDecimal hourlyRate, BigDecimal speMonth, Map<OrganisationType, Integer> reductions,
        ExtensiveRule extensive) {

    public FeeSchedule {
        permit = Euros.price("permit", permit);
        extensivePermit = Euros.price("extensive permit", extensivePermit);
        dataRequest = Euros.price("data request", dataRequest);
        amendment = Euros.price("amendment", amendment);
        hourlyRate = Euros.price("hourly rate", hourlyRate);
        speMonth = Euros.price("SPE month", speMonth);
        Objects.requireNonNull(reductions, "reductions");
        reductions.forEach((type, percent) -> {
            if (percent == null || percent < 0 || percent > 100) {
                throw new IllegalArgumentException("the reduction for " + type + " must be 0 to 100 %, not " + percent);
            }
        });
        reductions = reductions.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(reductions));
        Objects.requireNonNull(extensive, "extensive");
    }

    /**
     * The defaults: Findata's published decision fees (permit €1,000, extensive or non-EEA €3,000, data request
     * €1,000, amendment €350, €115 an hour); €250 per SPE month, an assumption (Findata prices its SPE separately);
     * reductions of 50 % for public bodies and academic researchers and 25 % for micro-enterprises, a choice of the
     * HDAB (the law asks for reductions, not these rates); extensive above 15 holders or outside the EEA (Findata's
     * rule), the number of datasets not counted.
     */
    public static FeeSchedule defaults() {
        return new FeeSchedule(new BigDecimal("1000.00"), new BigDecimal("3000.00"), new BigDecimal("1000.00"),
                new BigDecimal("350.00"), new BigDecimal("115.00"), new BigDecimal("250.00"),
                Map.of(OrganisationType.PUBLIC_BODY, 50, OrganisationType.ACADEMIC, 50,
                        OrganisationType.MICRO_ENTERPRISE, 25),
                new ExtensiveRule(null, 15, true));
    }

    /** Percent off the HDAB's fees for this kind of applicant organisation, 0 when none. */
    public int reductionFor(OrganisationType applicant) {
        return reductions.getOrDefault(applicant, 0);
    }

    /** Why an application counts as extensive. Labels: {@code fee.extensive.<NAME>}. */
    public enum ExtensiveReason {
        /** More datasets than {@link ExtensiveRule#datasetsAbove()}. */
        MANY_DATASETS,
        /** More distinct data holders than {@link ExtensiveRule#holdersAbove()}. */
        MANY_HOLDERS,
        /** The applicant is established outside the European Economic Area. */
        OUTSIDE_EEA;

        public String labelKey() {
            return "fee.extensive." + name();
        }
    }

    /**
     * When a data access application is extensive (data requests never are).
     *
     * @param datasetsAbove extensive with more datasets than this; {@code null}: the number of datasets does not count
     * @param holdersAbove  extensive with more distinct data holders than this
     * @param outsideEea    extensive when the applicant is established outside the EEA
     */
    public record ExtensiveRule(Integer datasetsAbove, int holdersAbove, boolean outsideEea) {

        public ExtensiveRule {
            if (datasetsAbove != null && datasetsAbove < 0 || holdersAbove < 0) {
                throw new IllegalArgumentException("extensive thresholds must be zero or more");
            }
        }

        /** Every reason that makes this application extensive; empty for a normal one. */
        public Set<ExtensiveReason> reasons(int datasets, int holders, boolean applicantOutsideEea) {
            Set<ExtensiveReason> reasons = EnumSet.noneOf(ExtensiveReason.class);
            if (datasetsAbove != null && datasets > datasetsAbove) {
                reasons.add(ExtensiveReason.MANY_DATASETS);
            }
            if (holders > holdersAbove) {
                reasons.add(ExtensiveReason.MANY_HOLDERS);
            }
            if (outsideEea && applicantOutsideEea) {
                reasons.add(ExtensiveReason.OUTSIDE_EEA);
            }
            return Collections.unmodifiableSet(reasons);
        }
    }
}
