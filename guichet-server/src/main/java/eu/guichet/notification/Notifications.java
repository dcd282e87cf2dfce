package eu.guichet.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.notification.internal.MailComposer;
import eu.guichet.notification.internal.MailOutbox;
import eu.guichet.notification.internal.NotificationRepository;
import eu.guichet.notification.internal.StoredNotification;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.UserId;

/**
 * The notification module's API. {@link #notify} is called inside the caller's transaction and writes the in-app
 * notification and, when the recipient has an e-mail address, its e-mail into the outbox (transactional outbox): a
 * change that rolls back sends nothing. Each user reads and marks read only their own notifications.
 *
 * <p>Not audited: a notification announces a change that its own module audits; reading one changes nothing but the
 * reader's list.
 */
@Service
public class Notifications {

    private final NotificationRepository repository;
    private final MailOutbox outbox;
    private final MailComposer mails;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final Clock clock;

    Notifications(NotificationRepository repository, MailOutbox outbox, MailComposer mails,
            IdentityManagement identity, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.mails = mails;
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Tells {@code recipient} about something, in the application and by e-mail. Joins the caller's transaction
     * (there must be one).
     *
     * @throws NotFoundException if there is no such user
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public NotificationId notify(UserId recipient, Notice notice) {
        UserAccount user = identity.getUser(recipient);
        StoredNotification stored = new StoredNotification(NotificationId.random(), recipient, notice,
                clock.instant(), Optional.empty());
        repository.insert(stored);
        if (user.email() != null && !user.email().isBlank()) {
            outbox.add(stored.id(), user.email(), mails.compose(notice), clock.instant());
        }
        return stored.id();
    }

    /** The caller's notifications, unread first, newest first within each group, in the reader's language. */
    @Transactional(readOnly = true)
    public List<Notification> list(CurrentUser caller, Locale locale) {
        return repository.listFor(caller.id()).stream().map(n -> render(n, locale)).toList();
    }

    @Transactional(readOnly = true)
    public int unreadCount(UserId user) {
        return repository.unreadCount(user);
    }

    /** Only its recipient reads a notification. */
    public boolean canRead(CurrentUser caller, UserId recipient) {
        return recipient.equals(caller.id());
    }

    public void checkCanRead(CurrentUser caller, UserId recipient) {
        if (!canRead(caller, recipient)) {
            throw new AccessDenied("notification.not_yours", "This notification is not yours.");
        }
    }

    /** Marks one of the caller's notifications read (again: no change). */
    @Transactional
    public Notification markRead(NotificationId id, CurrentUser caller, Locale locale) {
        StoredNotification notification = repository.find(id).orElseThrow(() -> new NotFoundException(
                "notification.not_found", "No notification " + id + "."));
        checkCanRead(caller, notification.recipient());
        if (notification.readAt().isEmpty()) {
            repository.markRead(id, clock.instant());
        }
        return render(repository.find(id).orElseThrow(), locale);
    }

    /** Marks every notification of the caller read; returns how many were unread. */
    @Transactional
    public int markAllRead(CurrentUser caller) {
        return repository.markAllRead(caller.id(), clock.instant());
    }

    private Notification render(StoredNotification n, Locale locale) {
        String text = messages.getMessage(n.notice().messageKey(), n.notice().arguments().toArray(),
                n.notice().messageKey(), locale);
        return new Notification(n.id(), n.notice().type(), text, n.notice().link(), n.notice().dueAt(),
                n.createdAt(), n.readAt());
    }
}
