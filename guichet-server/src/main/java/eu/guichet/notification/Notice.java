package eu.guichet.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a module wants to tell a user. The text is not written here: it is a message key of the bundles with its
 * arguments, rendered in the reader's language when shown (the e-mail carries French, then English).
 *
 * @param type       stable code of the kind of notice, {@code module.what} (e.g. {@code transparency.results_due}):
 *                   for filtering and tests, never shown
 * @param messageKey key of the text in the message bundles ({@code {0}}, {@code {1}}... are the arguments)
 * @param arguments  plain values (titles, dates as ISO text, ids); never health data or national identifiers
 * @param link       where the notice leads, a path in the application such as {@code /register/{id}}
 * @param dueAt      the deadline the notice is about, if any
 */
public record Notice(String type, String messageKey, List<String> arguments, String link, Optional<Instant> dueAt) {

    private static final Pattern TYPE = Pattern.compile("[a-z]+(\\.[a-z_]+)+");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+");

    public Notice {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("A notice type looks like 'module.what': " + type);
        }
        if (messageKey == null || !KEY.matcher(messageKey).matches()) {
            throw new IllegalArgumentException("Not a message key: " + messageKey);
        }
        arguments = List.copyOf(arguments);
        Objects.requireNonNull(link, "link");
        if (!link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("A notice links to a path of the application: " + link);
        }
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** A notice without a deadline. */
    public static Notice of(String type, String messageKey, String link, String... arguments) {
        return new Notice(type, messageKey, List.of(arguments), link, Optional.empty());
    }

    /** This notice about a deadline. */
    public Notice due(Instant at) {
        return new Notice(type, messageKey, arguments, link, Optional.of(at));
    }
}
