package eu.guichet.audit;

import java.time.Instant;
import java.util.SortedMap;
import java.util.UUID;

/**
 * One link of the audit chain as stored: {@code hash} is the SHA-256 of this event's fields and {@code previousHash}.
 */
public record AuditEvent(long sequence, UUID id, Instant occurredAt, String actor, String action, String objectType,
        String objectId, AuditOutcome outcome, String requestId, SortedMap<String, String> details,
        String previousHash, String hash) {
}
