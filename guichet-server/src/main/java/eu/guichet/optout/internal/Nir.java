package eu.guichet.optout.internal;

import java.util.Optional;
import java.util.regex.Pattern;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.optout.BulkImportReport.Reason;

/**
 * The shape of a French national identifier (NIR, the number INS is built on; NIA for people awaiting one): 13
 * characters — sex, year, month, département (digits, or 2A/2B for Corsica), commune, order — then a 2-digit control
 * key, {@code 97 − (number mod 97)}, where 2A counts as 19 and 2B as 18. Checked after the normalisation the
 * pseudonymiser applies (spaces, dots and hyphens removed, upper case), so {@code 1 84 12 2A 115 423 57} passes.
 *
 * <p>Never logs and never puts the value in a message.
 */
final class Nir {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}");

    private Nir() {
    }

    /** Why the value is not a national identifier, or empty when it is one. */
    static Optional<Reason> problem(String raw) {
        String value = IdentifierDomain.NATIONAL.normalise(raw);
        if (value == null || !SHAPE.matcher(value).matches()) {
            return Optional.of(Reason.MALFORMED);
        }
        return controlKey(value.substring(0, 13)) == Integer.parseInt(value.substring(13)) ? Optional.empty()
                : Optional.of(Reason.CONTROL_KEY);
    }

    /** The control key of the first 13 characters of a NIR. */
    static int controlKey(String thirteen) {
        String digits = thirteen.substring(0, 5) + switch (thirteen.substring(5, 7)) {
            case "2A" -> "19";
            case "2B" -> "18";
            default -> thirteen.substring(5, 7);
        } + thirteen.substring(7);
        return (int) (97 - Long.parseLong(digits) % 97);
    }
}
