package eu.guichet.notification.internal;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import eu.guichet.notification.NotificationId;
import eu.guichet.notification.Notifications;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.CurrentUser;

/** The signed-in user's notifications page: unread first, each with its link and a button to mark it read. */
@Controller
class NotificationPagesController {

    private final Notifications notifications;

    NotificationPagesController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    @AllowAuthenticated
    String list(CurrentUser caller, Locale locale, Model model) {
        model.addAttribute("notifications", notifications.list(caller, locale));
        return "notification/list";
    }

    @PostMapping("/notifications/{id}/read")
    @AllowAuthenticated
    String markRead(@PathVariable UUID id, CurrentUser caller, Locale locale) {
        notifications.markRead(new NotificationId(id), caller, locale);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read")
    @AllowAuthenticated
    String markAllRead(CurrentUser caller) {
        notifications.markAllRead(caller);
        return "redirect:/notifications";
    }
}
