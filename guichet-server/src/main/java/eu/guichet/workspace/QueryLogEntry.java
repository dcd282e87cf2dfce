package eu.guichet.workspace;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.security.UserId;

/**
 * One statement run in a workspace: who, when, its SQL, how long, how many rows, its outcome. Never a value.
 *
 * @param kind    QUERY (console, API, CLI), JOB (a statement of a job's script) or DISCLOSURE (output control)
 * @param outcome OK, REFUSED, FAILED or CANCELLED
 */
public record QueryLogEntry(UUID id, Optional<UserId> user, String kind, Instant startedAt, long durationMs,
        String sql, long totalRows, int previewed, String outcome) {
}
