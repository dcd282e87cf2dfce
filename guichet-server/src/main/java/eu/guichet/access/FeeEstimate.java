package eu.guichet.access;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import eu.guichet.access.FeeSchedule.ExtensiveReason;

/**
 * What the applicant will pay, line by line, shown before the permit (EHDS Art. 62). The reduction applies to the
 * HDAB's own fees only: a holder's compensation is passed on in full. Amounts in euros with two decimals.
 *
 * @param lines            the charges, HDAB fees first, then holder compensation; no reduction line among them
 * @param extensiveReasons why the decision is charged as extensive; empty for a normal one
 * @param reductionPercent percent off the HDAB's fees for the applicant's organisation type
 * @param reduction        the reduction line (negative amount; zero when there is none)
 * @param subtotal         the sum of the lines
 * @param total            subtotal plus the (negative) reduction
 */
public record FeeEstimate(List<FeeLine> lines, Set<ExtensiveReason> extensiveReasons, int reductionPercent,
        FeeLine reduction, BigDecimal subtotal, BigDecimal total) {

    public FeeEstimate {
        lines = List.copyOf(lines);
        if (lines.stream().anyMatch(l -> l.kind() == FeeCode.Kind.REDUCTION)) {
            throw new IllegalArgumentException("the reduction is not one of the lines");
        }
        extensiveReasons = extensiveReasons.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(extensiveReasons));
        Objects.requireNonNull(reduction, "reduction");
        if (reduction.code() != FeeCode.REDUCTION) {
            throw new IllegalArgumentException("not a reduction: " + reduction.code());
        }
        if (subtotal.compareTo(sum(lines)) != 0 || total.compareTo(subtotal.add(reduction.amount())) != 0) {
            throw new IllegalArgumentException("subtotal and total must add up");
        }
        subtotal = Euros.cents("subtotal", subtotal);
        total = Euros.cents("total", total);
    }

    /**
     * The estimate of these lines: the reduction is {@code reductionPercent} of the HDAB fees, rounded to the cent
     * (half up).
     */
    public static FeeEstimate of(List<FeeLine> lines, Set<ExtensiveReason> extensiveReasons, int reductionPercent) {
        if (reductionPercent < 0 || reductionPercent > 100) {
            throw new IllegalArgumentException("reduction must be 0 to 100 %, not " + reductionPercent);
        }
        BigDecimal hdabFees = sum(lines.stream().filter(l -> l.kind() == FeeCode.Kind.HDAB_FEE).toList());
        BigDecimal off = Euros.round(hdabFees.multiply(BigDecimal.valueOf(reductionPercent)).movePointLeft(2))
                .negate();
        FeeLine reduction = new FeeLine(FeeCode.REDUCTION, "", "", BigDecimal.ONE, off, off);
        BigDecimal subtotal = sum(lines);
        return new FeeEstimate(lines, extensiveReasons, reductionPercent, reduction, subtotal,
                subtotal.add(off));
    }

    /** Nothing to pay. */
    public static FeeEstimate nothing() {
        return of(List.of(), Set.of(), 0);
    }

    /** The HDAB's own fees, before the reduction. */
    public BigDecimal hdabFees() {
        return sum(lines.stream().filter(l -> l.kind() == FeeCode.Kind.HDAB_FEE).toList());
    }

    /** What goes to the data holders. */
    public BigDecimal holderCompensation() {
        return sum(lines.stream().filter(l -> l.kind() == FeeCode.Kind.HOLDER_COMPENSATION).toList());
    }

    public boolean hasReduction() {
        return reduction.amount().signum() != 0;
    }

    public boolean isExtensive() {
        return !extensiveReasons.isEmpty();
    }

    /** The lines, then the reduction when there is one: what a page or a document lists. */
    public List<FeeLine> linesWithReduction() {
        return hasReduction() ? Stream.concat(lines.stream(), Stream.of(reduction))
                .toList() : lines;
    }

    private static BigDecimal sum(List<FeeLine> lines) {
        return lines.stream().map(FeeLine::amount).reduce(Euros.ZERO, BigDecimal::add);
    }
}
