package eu.guichet.notification.internal;

import org.springframework.stereotype.Component;

import eu.guichet.notification.Notifications;
import eu.guichet.security.CurrentUsers;

/**
 * The unread count the page header shows next to the signed-in user's name, read by the theme templates as
 * {@code @notificationBadge.unread} (0 for visitors).
 */
@Component("notificationBadge")
public class NotificationBadge {

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    public int getUnread() {
        return CurrentUsers.find().map(u -> notifications.unreadCount(u.id())).orElse(0);
    }
}
