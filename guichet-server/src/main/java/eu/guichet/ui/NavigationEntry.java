package eu.guichet.ui;

import java.util.Objects;
import java.util.Optional;

import eu.guichet.security.AccessRule;
import eu.guichet.security.CurrentUser;

/**
 * One link of the main navigation.
 *
 * @param messageKey key of the link text in the message bundles
 * @param path       where the link goes (the page's GET endpoint)
 * @param rule       who sees the link: the same rule the page's endpoint declares, so nobody sees a link that
 *                   would refuse them
 */
public record NavigationEntry(String messageKey, String path, AccessRule rule) {

    public NavigationEntry {
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
    }

    public boolean visibleTo(Optional<CurrentUser> user) {
        return rule.admits(user);
    }
}
