package eu.guichet.disclosure;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.security.UserId;

/** One checker's review of one round of a request. */
public record OutputReview(UserId reviewer, String reviewerName, int round, ReviewDecision decision,
        Optional<String> comment, Instant reviewedAt) {
}
