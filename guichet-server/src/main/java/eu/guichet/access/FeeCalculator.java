package eu.guichet.access;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import eu.guichet.access.FeeSchedule.ExtensiveReason;

/**
 * Computes fee estimates from the HDAB's {@link FeeSchedule} (EHDS Art. 62), and what is owed on withdrawal. Plain
 * Java, no state but the schedule: the application pages show {@link #estimate(FeeInput)} to the applicant before
 * the permit; the estimate is stored with the application.
 */
public final class FeeCalculator {

    private final FeeSchedule schedule;

    public FeeCalculator(FeeSchedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    public FeeSchedule schedule() {
        return schedule;
    }

    /**
     * The estimate: the decision fee (data request; permit; extensive permit when the schedule's rule says so), the
     * amendments, the HDAB's hours, the SPE months, each holder's compensation, and the reduction for the applicant's
     * organisation type on the HDAB's fees. Lines with nothing to charge (0 hours, 0 months) are left out.
     */
    public FeeEstimate estimate(FeeInput input) {
        return charge(input, true);
    }

    /**
     * The estimate of amending a granted permit (or of extending it): {@code amendment} × the input's amendments,
     * then hours, SPE months and holder compensation as in {@link #estimate(FeeInput)}, without a decision fee; the
     * same reduction.
     *
     * @throws IllegalArgumentException when the input counts no amendment
     */
    public FeeEstimate amendmentEstimate(FeeInput input) {
        if (input.amendments() < 1) {
            throw new IllegalArgumentException("an amendment estimate counts at least one amendment");
        }
        return charge(input, false);
    }

    private FeeEstimate charge(FeeInput input, boolean decision) {
        List<FeeLine> lines = new ArrayList<>();
        Set<ExtensiveReason> reasons = Set.of();
        if (decision && input.kind() == ApplicationKind.DATA_REQUEST) {
            lines.add(FeeLine.of(FeeCode.DATA_REQUEST, BigDecimal.ONE, schedule.dataRequest()));
        } else if (decision) {
            reasons = schedule.extensive().reasons(input.datasets(), input.holders(), input.applicantOutsideEea());
            lines.add(reasons.isEmpty() ? FeeLine.of(FeeCode.PERMIT, BigDecimal.ONE, schedule.permit())
                    : FeeLine.of(FeeCode.EXTENSIVE_PERMIT, BigDecimal.ONE, schedule.extensivePermit()));
        }
        if (input.amendments() > 0) {
            lines.add(FeeLine.of(FeeCode.AMENDMENT, BigDecimal.valueOf(input.amendments()), schedule.amendment()));
        }
        if (input.preparationHours().signum() > 0) {
            lines.add(FeeLine.of(FeeCode.PREPARATION, input.preparationHours(), schedule.hourlyRate()));
        }
        if (input.speMonths() > 0) {
            lines.add(FeeLine.of(FeeCode.SPE, BigDecimal.valueOf(input.speMonths()), schedule.speMonth()));
        }
        input.holderCompensations().forEach(c -> lines.add(c.line()));
        return FeeEstimate.of(lines, reasons, schedule.reductionFor(input.applicantType()));
    }

    /**
     * What is owed when the application is withdrawn in {@code stageReached}: only the costs incurred so far (see
     * {@link WithdrawalCharge}), with the same reduction as the estimate.
     *
     * @param estimate     the estimate given to the applicant
     * @param stageReached the status the application had when it was withdrawn
     * @throws IllegalArgumentException for {@code WITHDRAWN} or {@code LAPSED}
     */
    public FeeEstimate costsIncurred(FeeEstimate estimate, ApplicationStatus stageReached) {
        WithdrawalCharge charge = WithdrawalCharge.at(stageReached);
        List<FeeLine> incurred = estimate.lines().stream().filter(charge::charges).toList();
        return FeeEstimate.of(incurred, incurred.isEmpty() ? Set.of() : estimate.extensiveReasons(),
                estimate.reductionPercent());
    }
}
