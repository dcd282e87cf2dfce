package eu.guichet.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current thread's request, if any. */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof SignedInUser signedIn) {
            return Optional.of(signedIn.currentUser());
        }
        return Optional.empty();
    }
}
