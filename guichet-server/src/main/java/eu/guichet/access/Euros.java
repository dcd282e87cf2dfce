package eu.guichet.access;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Amounts in euros: {@link BigDecimal} with exactly two decimals, never a double. */
final class Euros {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private Euros() {
    }

    /** The amount with two decimals; refused when missing, negative or finer than a cent. */
    static BigDecimal price(String what, BigDecimal amount) {
        Objects.requireNonNull(amount, what);
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(what + " must be zero or more, not " + amount.toPlainString());
        }
        return cents(what, amount);
    }

    /** The amount with two decimals; refused when finer than a cent. */
    static BigDecimal cents(String what, BigDecimal amount) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " has more than two decimals: " + amount.toPlainString(), e);
        }
    }

    /** A product or share rounded to the cent, half up (0.005 → 0.01). */
    static BigDecimal round(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
