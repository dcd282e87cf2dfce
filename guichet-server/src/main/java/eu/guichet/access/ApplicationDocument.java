package eu.guichet.access;

import java.time.Instant;
import java.util.UUID;

import eu.guichet.security.UserId;

/** A document attached to an application (its content is fetched on its own). */
public record ApplicationDocument(UUID id, Kind kind, String filename, String mediaType, long sizeBytes,
        String sha256, UserId uploadedBy, Instant uploadedAt) {

    /** What the document is. */
    public enum Kind {
        /** The opinion of an ethics committee (EHDS Art. 67(2)(j)). */
        ETHICS_OPINION,
        /** The research protocol. */
        PROTOCOL,
        OTHER
    }
}
