package eu.guichet.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The legal time limits of the access procedure (EHDS Reg. (EU) 2025/327), each with its length, its one possible
 * extension and whether asking the applicant for clarifications may stop it (when the HDAB turns
 * {@linkplain ClockSettings#stopTheClock() stop-the-clock} on). Every extension needs reasons and is granted at most
 * once. Lengths are counted as Regulation 1182/71 says ({@link StatutoryClocks}).
 */
public enum StatutoryPeriod {

    /**
     * The HDAB decides on a complete data access application within 3 months of the day it became complete; it may
     * extend that once by 3 months where the complexity of the application requires it, telling the applicant why
     * (EHDS Art. 68(4)). Not deciding in time is a breach, not a permit.
     */
    DECISION("EHDS Art. 68(4)", "the application is complete", Length.months(3), Length.months(3), true),

    /**
     * An incomplete application is returned once; the applicant has 4 weeks to complete it, else no permit is issued
     * and the application lapses (EHDS Art. 68(4)). No extension: the applicant may apply again.
     */
    COMPLETION("EHDS Art. 68(4)", "the application is returned as incomplete", Length.weeks(4), null, false),

    /**
     * Accelerated decision for public-sector bodies and Union institutions with a public-health mandate applying
     * for purposes (a) to (c) of Art. 53(1): 2 months, extendable once by 1 month (EHDS Art. 68(6)).
     */
    ACCELERATED_DECISION("EHDS Art. 68(6)", "the application is complete", Length.months(2), Length.months(1),
            true),

    /**
     * A data request (anonymised statistical answer) is assessed within 3 months; the answer follows within a further
     * 3 months (EHDS Art. 69). Modelled as 3 months extended once by 3: the extension, with its reasons, is taken
     * when the request is accepted and the result is being computed.
     */
    DATA_REQUEST("EHDS Art. 69", "the data request is complete", Length.months(3), Length.months(3), true),

    /**
     * A health data holder puts the requested data at the HDAB's disposal within 3 months of the HDAB's request,
     * extendable once by 3 months in justified cases (EHDS Art. 60).
     */
    HOLDER_DELIVERY("EHDS Art. 60", "the HDAB asks the holder for the data", Length.months(3), Length.months(3),
            false),

    /**
     * After a permit, the HDAB makes the data available to the user within 2 months of receiving them from the
     * holders (EHDS Art. 68(7)).
     */
    PROVISION("EHDS Art. 68(7)", "the HDAB receives the data from the holders", Length.months(2), null, false),

    /**
     * Permits, approved data requests and refusals (with their justification) are published electronically within
     * 30 working days of the decision (EHDS Art. 57–59, transparency duties of the HDAB).
     */
    DECISION_PUBLICATION("EHDS Art. 57–59", "the decision is issued", Length.workingDays(30), null, false);

    /** How a period is counted. */
    public enum Unit {
        MONTHS("month", "months"), WEEKS("week", "weeks"), WORKING_DAYS("working day", "working days");

        private final String one;
        private final String many;

        Unit(String one, String many) {
            this.one = one;
            this.many = many;
        }

        String label(int amount) {
            return amount == 1 ? one : many;
        }
    }

    /** A length of time as the law states it: "3 months", "4 weeks", "30 working days". */
    public record Length(int amount, Unit unit) {

        public Length {
            if (amount <= 0) {
                throw new IllegalArgumentException("a period lasts at least one unit: " + amount);
            }
            Objects.requireNonNull(unit, "unit");
        }

        public static Length months(int amount) {
            return new Length(amount, Unit.MONTHS);
        }

        public static Length weeks(int amount) {
            return new Length(amount, Unit.WEEKS);
        }

        public static Length workingDays(int amount) {
            return new Length(amount, Unit.WORKING_DAYS);
        }

        /** "3 months", "1 month", "4 weeks", "30 working days". */
        public static Length parse(String text) {
            String t = text.strip();
            int space = t.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("not a length: " + text);
            }
            int amount = Integer.parseInt(t.substring(0, space));
            String unit = t.substring(space + 1).strip();
            for (Unit u : Unit.values()) {
                if (unit.equals(u.one) || unit.equals(u.many)) {
                    return new Length(amount, u);
                }
            }
            throw new IllegalArgumentException("not a length: " + text);
        }

        /** This length followed by another of the same unit: 3 months + 3 months = 6 months. */
        public Length plus(Length other) {
            if (other.unit != unit) {
                throw new IllegalArgumentException("cannot add " + other + " to " + this);
            }
            return new Length(amount + other.amount, unit);
        }

        @Override
        public String toString() {
            return amount + " " + unit.label(amount);
        }
    }

    private final String legalBasis;
    private final String startsWhen;
    private final Length length;
    private final Length extension;
    private final boolean clarificationsMayStop;

    StatutoryPeriod(String legalBasis, String startsWhen, Length length, Length extension,
            boolean clarificationsMayStop) {
        this.legalBasis = legalBasis;
        this.startsWhen = startsWhen;
        this.length = length;
        this.extension = extension;
        this.clarificationsMayStop = clarificationsMayStop;
    }

    /** The article that sets the period, e.g. "EHDS Art. 68(4)". */
    public String legalBasis() {
        return legalBasis;
    }

    /** The event from which the period runs (the day of the event is not counted). */
    public String startsWhen() {
        return startsWhen;
    }

    public Length length() {
        return length;
    }

    /** The one extension the law allows, with reasons; empty if the period cannot be extended. */
    public Optional<Length> extension() {
        return Optional.ofNullable(extension);
    }

    public boolean isExtendable() {
        return extension != null;
    }

    /**
     * Whether asking the applicant for clarifications may stop this clock. Only the HDAB's assessment periods can;
     * and only when the HDAB turns stop-the-clock on (off by default: the EHDS does not stop its clocks).
     */
    public boolean clarificationsMayStop() {
        return clarificationsMayStop;
    }

    /** The whole length once extended (the length itself if the period cannot be extended). */
    public Length extendedLength() {
        return extension == null ? length : length.plus(extension);
    }
}
