package eu.guichet.optout;

import java.time.Instant;

/** A citizen opted out. Carries ids and instants only: never an identifier, never a pseudonym. */
public record OptOutRegistered(OptOutId optOutId, OptOutSource source, Instant effectiveAt) {
}
