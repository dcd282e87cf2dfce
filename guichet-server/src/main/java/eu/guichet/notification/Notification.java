package eu.guichet.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * A notice as its recipient reads it: the text rendered in the reader's language, where it leads, whether it was
 * read.
 *
 * @param message the notice's text in the language of the request that reads it
 */
public record Notification(NotificationId id, String type, String message, String link, Optional<Instant> dueAt,
        Instant createdAt, Optional<Instant> readAt) {

    public boolean isUnread() {
        return readAt.isEmpty();
    }
}
