package eu.guichet.extract;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.access.PermitId;

/**
 * A permit version's extract as recorded: its status and progress, the reason of a failure (a code), and its scope
 * summary and evidence as JSON documents (names, counts and hashes, never a value).
 */
public record ExtractState(PermitId permitId, int version, String extractId, ExtractStatus status,
        Optional<String> step, int tablesWritten, int tablesTotal, Optional<String> reason, String scope,
        Optional<String> evidence, Instant requestedAt, Instant updatedAt, Optional<Instant> builtAt) {
}
