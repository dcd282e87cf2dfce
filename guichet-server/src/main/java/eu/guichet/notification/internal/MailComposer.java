package eu.guichet.notification.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import eu.guichet.notification.Notice;

/** Writes a notice's e-mail: French, then English, each with the link into the application and the deadline. */
@Component
public class MailComposer {

    /** A subject line stays readable in a mail client's list. */
    static final int SUBJECT_MAX = 200;

    /** What an outbox row holds. */
    public record Mail(String subject, String body) {
    }

    private final MessageSource messages;
    private final NotificationProperties properties;

    MailComposer(MessageSource messages, NotificationProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    public Mail compose(Notice notice) {
        String french = text(notice, Locale.FRENCH);
        String english = text(notice, Locale.ENGLISH);
        String subject = french.equals(english) ? french : french + " / " + english;
        if (subject.length() > SUBJECT_MAX) {
            subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
        }
        String body = part(notice, french, Locale.FRENCH) + "\n\n---\n\n" + part(notice, english, Locale.ENGLISH);
        return new Mail(subject, body);
    }

    private String part(Notice notice, String text, Locale locale) {
        StringBuilder part = new StringBuilder(text).append("\n\n").append(link(notice)).append('\n');
        notice.dueAt().ifPresent(due -> part.append(messages.getMessage("notification.mail.due",
                new Object[] { DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dateLocale(locale))
                        .format(due.atZone(properties.timeZone())) }, locale)).append('\n'));
        return part.append('\n').append(messages.getMessage("notification.mail.footer", null, locale)).toString();
    }

    /** Dates in English as Europeans write them: 1 March 2027. */
    private static Locale dateLocale(Locale locale) {
        return locale.getLanguage().equals("en") ? Locale.UK : locale;
    }

    /** The absolute address of the notice's page. */
    public String link(Notice notice) {
        String base = properties.baseUrl().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + notice.link();
    }

    private String text(Notice notice, Locale locale) {
        return messages.getMessage(notice.messageKey(), notice.arguments().toArray(), notice.messageKey(), locale);
    }
}
