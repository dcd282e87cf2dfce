package eu.guichet.workspace;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.security.UserId;

/**
 * A script run in the background, statement by statement; results stay in the workspace as scratch tables.
 *
 * @param status     RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param statements how many statements the script has
 * @param done       how many have run
 * @param problem    the engine's message when it failed (shown to its author only, never logged)
 */
public record Job(UUID id, WorkspaceId workspaceId, UserId submittedBy, String status, int statements, int done,
        Optional<String> problem, Instant startedAt, Optional<Instant> finishedAt) {
}
