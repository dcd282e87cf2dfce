package eu.guichet.access;

import java.time.Instant;

/** A permit was revoked, with its reasons: its workspace locks. */
public record PermitRevoked(PermitId permitId, String reason, Instant revokedAt) {
}
