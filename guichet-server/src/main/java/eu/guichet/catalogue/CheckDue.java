package eu.guichet.catalogue;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A description whose holder must confirm it is still accurate (EHDS Art. 60: at least yearly).
 *
 * @param overdue the check date has passed
 */
public record CheckDue(DatasetId datasetId, String identifier, LocalizedText title, Instant lastCheckedAt,
        Instant dueAt, boolean overdue) {

    /** The check of {@code d}, if it is due or comes within {@code soon}. */
    static Optional<CheckDue> of(Dataset d, Period every, Period soon, Instant now) {
        Instant due = d.lastCheckedAt().atOffset(ZoneOffset.UTC).plus(every).toInstant();
        if (now.atOffset(ZoneOffset.UTC).plus(soon).toInstant().isBefore(due)) {
            return Optional.empty();
        }
        return Optional.of(new CheckDue(d.id(), d.description().identifier(), d.description().title(),
                d.lastCheckedAt(), due, !now.isBefore(due)));
    }
}
