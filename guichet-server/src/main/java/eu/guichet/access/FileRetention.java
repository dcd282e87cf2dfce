package eu.guichet.access;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How long the files made for a permit (its extracts, its workspace) are kept once the permit has ended — revoked,
 * expired, or its workspace locked — before they are deleted (EHDS Art. 68(11); 6 months by default in each module's
 * settings). Months are calendar months in the HDAB's time zone.
 */
public record FileRetention(Period period) {

    public FileRetention {
        Objects.requireNonNull(period, "period");
        if (period.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
    }

    /** Files of a permit that ended before this instant are past their retention at {@code now}. */
    public Instant cutoff(Instant now, ZoneId zone) {
        return now.atZone(zone).minus(period).toInstant();
    }
}
