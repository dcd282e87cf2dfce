package eu.guichet.access;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.security.UserId;

/** One version of a permit: the first as granted, then each amendment (with its reason); all stay archived. */
public record PermitVersion(int version, PermitTerms terms, Optional<String> reason, UserId createdBy,
        Instant createdAt) {
}
