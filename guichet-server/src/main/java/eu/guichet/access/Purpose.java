package eu.guichet.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * The purposes for which health data may be processed for secondary use, EHDS Art. 53(1), with their letters. The
 * list is exhaustive: an application names one or more of them. Purposes (a) to (c) are reserved to public-sector
 * bodies and Union institutions (Art. 53(2)).
 */
public enum Purpose {
    /** (a) public interest in public and occupational health. */
    PUBLIC_HEALTH("a"),
    /** (b) policy-making and regulatory activities in the health or care sector. */
    POLICY_MAKING("b"),
    /** (c) official statistics. */
    OFFICIAL_STATISTICS("c"),
    /** (d) education or teaching activities in health or care. */
    EDUCATION("d"),
    /** (e) scientific research, including development and innovation and the training of algorithms and AI. */
    SCIENTIFIC_RESEARCH("e"),
    /** (f) improving the delivery of care and treatment optimisation. */
    CARE_IMPROVEMENT("f");

    private final String letter;

    Purpose(String letter) {
        this.letter = letter;
    }

    /** The letter of Art. 53(1): {@code "a"} to {@code "f"}. */
    public String letter() {
        return letter;
    }

    /** Art. 53(2): only public-sector bodies and Union institutions may apply for it. */
    public boolean isReservedToPublicSector() {
        return this == PUBLIC_HEALTH || this == POLICY_MAKING || this == OFFICIAL_STATISTICS;
    }

    public static Optional<Purpose> fromLetter(String letter) {
        return Arrays.stream(values()).filter(p -> p.letter.equalsIgnoreCase(letter)).findFirst();
    }
}
