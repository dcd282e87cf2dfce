package eu.guichet.identity;

import eu.guichet.security.UserId;

/** A user's roles (or organisation) changed: what their open sessions were granted no longer holds. */
public record UserAccessChanged(UserId userId, String username) {
}
