package eu.guichet.dataplane.pseudonym;

import java.util.Locale;
import java.util.Objects;

/**
 * What kind of direct identifier a value is, which decides how it is normalised and which pseudonym space it falls
 * in.
 *
 * <ul>
 * <li>{@link #NATIONAL}: a national identifier (NIR, INS, or a national pseudonymous identifier such as the SNDS
 * {@code BEN_NIR_PSA}). The same person gets the same pseudonym whichever holder delivers it, so datasets link
 * (SNDS chaining). Normalised by removing spaces, dots and hyphens and upper-casing (Corsican NIRs hold 2A/2B).</li>
 * <li>{@link #holder(String)}: an identifier a holder assigns to its own patients. Only the holder's values are in
 * the same space: the same local number at two holders is two different people and gets two pseudonyms. Normalised
 * by trimming only (local identifiers can be case-sensitive).</li>
 * </ul>
 */
public final class IdentifierDomain {

    /** National identifiers: one pseudonym space for all holders. */
    public static final IdentifierDomain NATIONAL = new IdentifierDomain("national", null);

    private final String tag;
    private final String holderId;

    private IdentifierDomain(String tag, String holderId) {
        this.tag = tag;
        this.holderId = holderId;
    }

    /** Identifiers local to one holder, e.g. its patient numbers. */
    public static IdentifierDomain holder(String holderId) {
        Objects.requireNonNull(holderId, "holderId");
        if (holderId.isBlank()) {
            throw new IllegalArgumentException("A holder domain needs a holder id");
        }
        return new IdentifierDomain("holder", holderId);
    }

    /** The HMAC input prefix that separates this domain from the others. */
    String prefix() {
        return holderId == null ? "guichet:" + tag + "\0" : "guichet:" + tag + ":" + holderId + "\0";
    }

    /** The value as it is hashed, or {@code null} when nothing is left (no pseudonym for an empty identifier). */
    public String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String value = holderId == null ? normaliseNational(raw) : raw.strip();
        return value.isEmpty() ? null : value;
    }

    private static String normaliseNational(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && c != '.' && c != '-') {
                out.append(c);
            }
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentifierDomain other && tag.equals(other.tag) && Objects.equals(holderId, other.holderId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, holderId);
    }

    @Override
    public String toString() {
        return holderId == null ? tag : tag + ":" + holderId;
    }
}
