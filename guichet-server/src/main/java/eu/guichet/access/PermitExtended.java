package eu.guichet.access;

import java.time.Instant;

/** A permit was extended once (Art. 68(12), status RENEWED): it now ends at {@code validUntil}. */
public record PermitExtended(PermitId permitId, int version, Instant validUntil, Instant extendedAt) {
}
