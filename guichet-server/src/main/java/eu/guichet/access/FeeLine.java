package eu.guichet.access;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a {@link FeeEstimate}: quantity × unit price = amount, in euros with two decimals.
 *
 * @param code      what the line charges for; its label is {@code code.labelKey()}
 * @param detail    for holder compensation, the holder as it named itself; empty otherwise
 * @param reason    for a compensation set by the HDAB, why; empty otherwise
 * @param quantity  how many (hours may have decimals)
 * @param unitPrice euros per unit
 * @param amount    euros, rounded to the cent (negative only for the reduction)
 */
public record FeeLine(FeeCode code, String detail, String reason, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal amount) {

    public FeeLine {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail.strip();
        reason = reason == null ? "" : reason.strip();
        Objects.requireNonNull(quantity, "quantity");
        unitPrice = Euros.cents("unit price", unitPrice);
        amount = Euros.cents("amount", amount);
        if (code.kind() != FeeCode.Kind.REDUCTION && amount.signum() < 0) {
            throw new IllegalArgumentException(code + " cannot be negative");
        }
    }

    /** A line of {@code quantity} units at {@code unitPrice}, the amount rounded to the cent. */
    public static FeeLine of(FeeCode code, BigDecimal quantity, BigDecimal unitPrice) {
        return new FeeLine(code, "", "", quantity, unitPrice, Euros.round(quantity.multiply(unitPrice)));
    }

    public String labelKey() {
        return code.labelKey();
    }

    public FeeCode.Kind kind() {
        return code.kind();
    }
}
