package eu.guichet.notification.internal;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.notification.Notice;
import eu.guichet.notification.NotificationId;
import eu.guichet.security.UserId;

/** A notification row: the notice as it was given, to whom, when, and when it was read. */
public record StoredNotification(NotificationId id, UserId recipient, Notice notice, Instant createdAt,
        Optional<Instant> readAt) {
}
