package eu.guichet.access;

import java.time.Instant;
import java.util.Optional;

/**
 * One application in the HDAB's queue, with its running clock's due instant.
 *
 * @param dueAt    when the running clock runs out (exclusive), if one runs
 * @param overdue  the clock has run out
 * @param daysLeft calendar days until the last day (negative when overdue)
 */
public record QueueEntry(Application application, Optional<Instant> dueAt, boolean overdue, long daysLeft) {
}
