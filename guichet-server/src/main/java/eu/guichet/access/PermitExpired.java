package eu.guichet.access;

import java.time.Instant;

/** A permit reached its end: its workspace locks, and its data is deleted within 6 months (Art. 68(11)). */
public record PermitExpired(PermitId permitId, Instant expiredAt) {
}
