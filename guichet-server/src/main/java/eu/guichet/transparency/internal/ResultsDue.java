package eu.guichet.transparency.internal;

import java.time.Instant;
import java.time.Period;

import org.springframework.stereotype.Component;

import eu.guichet.access.StatutoryClocks;

/**
 * When results fall due (EHDS Art. 61): 18 months after the end of processing, counted in the HDAB's zone (the same
 * date 18 months later, or that month's last day).
 */
@Component
class ResultsDue {

    static final Period RESULTS_PERIOD = Period.ofMonths(18);

    private final StatutoryClocks clocks;

    ResultsDue(StatutoryClocks clocks) {
        this.clocks = clocks;
    }

    Instant after(Instant endOfProcessing) {
        return endOfProcessing.atZone(clocks.settings().zone()).plus(RESULTS_PERIOD).toInstant();
    }

    java.time.ZoneId zone() {
        return clocks.settings().zone();
    }

    /** {@code due} moved back by a period in months, in the HDAB's zone. */
    Instant before(Instant due, int months) {
        return due.atZone(clocks.settings().zone()).minusMonths(months).toInstant();
    }
}
