package eu.guichet.access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import eu.guichet.identity.OrganisationType;

/**
 * What a fee estimate is computed from: the application as the HDAB sees it once the holders have answered.
 *
 * @param kind                a data access application or a data request
 * @param applicantType       the applicant organisation's type (reductions)
 * @param applicantOutsideEea whether the applicant is established outside the European Economic Area
 * @param datasets            how many datasets are asked for
 * @param holders             how many distinct data holders hold them
 * @param preparationHours    the HDAB's estimated hours of work, two decimals at most (7.5 hours)
 * @param speMonths           months of secure processing environment (0 for a data request)
 * @param amendments          permit amendments charged with this estimate (usually 0; 1 for an amendment's estimate)
 * @param holderCompensations each holder's compensation, as it estimated it or as the HDAB set it; one per holder
 */
public record FeeInput(ApplicationKind kind, OrganisationType applicantType, boolean applicantOutsideEea, int datasets,
        int holders, BigDecimal preparationHours, int speMonths, int amendments,
        List<HolderCompensation> holderCompensations) {

    public FeeInput {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(applicantType, "applicantType");
        if (datasets < 0 || holders < 0 || speMonths < 0 || amendments < 0) {
            throw new IllegalArgumentException("counts must be zero or more");
        }
        preparationHours = Euros.price("preparation hours", preparationHours == null ? BigDecimal.ZERO
                : preparationHours);
        holderCompensations = List.copyOf(holderCompensations);
        if (holderCompensations.size() > holders) {
            throw new IllegalArgumentException(holderCompensations.size() + " compensations for " + holders
                    + " holders: one per holder at most");
        }
        if (kind == ApplicationKind.DATA_REQUEST && speMonths > 0) {
            throw new IllegalArgumentException("a data request uses no secure processing environment");
        }
    }

    /** Only the decision: no hours, no SPE, no amendment, no holder compensation yet. */
    public static FeeInput decisionOnly(ApplicationKind kind, OrganisationType applicantType,
            boolean applicantOutsideEea, int datasets, int holders) {
        return new FeeInput(kind, applicantType, applicantOutsideEea, datasets, holders, BigDecimal.ZERO, 0, 0,
                List.of());
    }

    public FeeInput withWork(BigDecimal hours, int months) {
        return new FeeInput(kind, applicantType, applicantOutsideEea, datasets, holders, hours, months, amendments,
                holderCompensations);
    }

    public FeeInput withAmendments(int count) {
        return new FeeInput(kind, applicantType, applicantOutsideEea, datasets, holders, preparationHours, speMonths,
                count, holderCompensations);
    }

    public FeeInput withHolderCompensations(List<HolderCompensation> compensations) {
        return new FeeInput(kind, applicantType, applicantOutsideEea, datasets, holders, preparationHours, speMonths,
                amendments, compensations);
    }
}
