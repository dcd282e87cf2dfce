package eu.guichet.access;

import java.time.Instant;

import eu.guichet.security.UserId;

/** A message between the applicant and the HDAB about one application. */
public record ApplicationMessage(long id, UserId author, String authorName, boolean fromHdab, String body,
        Instant sentAt) {
}
