package eu.guichet.access;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What one data holder asks for making its data available (EHDS Art. 62(2)): its answer to the HDAB's request for a
 * cost estimate. When holder and user do not agree within one month, the HDAB sets the amount itself, with a reason.
 *
 * @param holder          the holder, as named on the estimate (an organisation's name, not a person)
 * @param amount          euros, two decimals at most
 * @param setByHdabReason why the HDAB set the amount; {@code null} when it is the holder's own estimate
 */
public record HolderCompensation(String holder, BigDecimal amount, String setByHdabReason) {

    public HolderCompensation {
        Objects.requireNonNull(holder, "holder");
        if (holder.isBlank()) {
            throw new IllegalArgumentException("a holder compensation names its holder");
        }
        amount = Euros.price("compensation of " + holder, amount);
        if (setByHdabReason != null && setByHdabReason.isBlank()) {
            throw new IllegalArgumentException("a compensation set by the HDAB says why");
        }
    }

    /** The holder's own estimate. */
    public static HolderCompensation estimatedBy(String holder, BigDecimal amount) {
        return new HolderCompensation(holder, amount, null);
    }

    /** The amount the HDAB set because holder and user did not agree within one month (Art. 62). */
    public static HolderCompensation setByHdab(String holder, BigDecimal amount, String reason) {
        Objects.requireNonNull(reason, "reason");
        return new HolderCompensation(holder, amount, reason);
    }

    public Optional<String> findSetByHdabReason() {
        return Optional.ofNullable(setByHdabReason);
    }

    FeeLine line() {
        FeeCode code = setByHdabReason == null ? FeeCode.HOLDER_COMPENSATION : FeeCode.HOLDER_COMPENSATION_SET_BY_HDAB;
        return new FeeLine(code, holder, setByHdabReason, BigDecimal.ONE, amount, amount);
    }
}
