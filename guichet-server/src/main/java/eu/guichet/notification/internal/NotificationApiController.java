package eu.guichet.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.notification.Notification;
import eu.guichet.notification.NotificationId;
import eu.guichet.notification.Notifications;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.CurrentUser;

/** The caller's notifications, texts in the request's language ({@code Accept-Language}). */
@RestController
@RequestMapping("/api/notifications")
class NotificationApiController {

    private final Notifications notifications;

    NotificationApiController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The caller's notifications, unread first, and how many are unread. */
    public record NotificationList(int unread, List<Notification> notifications) {
    }

    @GetMapping
    @AllowAuthenticated
    NotificationList list(CurrentUser caller, Locale locale) {
        List<Notification> list = notifications.list(caller, locale);
        return new NotificationList((int) list.stream().filter(Notification::isUnread).count(), list);
    }

    @PostMapping("/{id}/read")
    @AllowAuthenticated
    Notification markRead(@PathVariable UUID id, CurrentUser caller, Locale locale) {
        return notifications.markRead(new NotificationId(id), caller, locale);
    }
}
