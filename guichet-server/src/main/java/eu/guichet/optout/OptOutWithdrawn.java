package eu.guichet.optout;

import java.time.Instant;

/** A citizen withdrew their opt-out. Carries ids and instants only: never an identifier, never a pseudonym. */
public record OptOutWithdrawn(OptOutId optOutId, Instant withdrawnAt) {
}
