package eu.guichet.access;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.security.UserId;

/** One move of an application, with who made it (empty: Guichet itself) and why. */
public record StatusChange(String action, ApplicationStatus from, ApplicationStatus to, Optional<UserId> actor,
        Optional<String> reason, Instant at) {
}
