package eu.guichet.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Slows password guessing on local accounts: after {@value #MAX_FAILURES} failed sign-ins for one username within
 * {@link #WINDOW}, that username cannot sign in (even with the right password) until the oldest failure leaves the
 * window. A successful sign-in clears the count. Kept in memory, per instance; the failures themselves are audited.
 */
class LoginThrottle {

    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Usernames tracked at most, so a flood of invented names cannot exhaust memory. */
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    boolean isLocked(String username) {
        Deque<Instant> recent = failures.get(key(username));
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent);
            return recent.size() >= MAX_FAILURES;
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof BearerTokenAuthenticationToken) {
            return; // tokens are checked by signature, not guessed
        }
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(this::pruneAndIsEmpty);
        }
        Deque<Instant> recent = failures.computeIfAbsent(key(event.getAuthentication().getName()),
                k -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent);
            recent.addLast(clock.instant());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        failures.remove(key(event.getAuthentication().getName()));
    }

    private boolean pruneAndIsEmpty(Deque<Instant> recent) {
        synchronized (recent) {
            prune(recent);
            return recent.isEmpty();
        }
    }

    private void prune(Deque<Instant> recent) {
        Instant oldest = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(oldest)) {
            recent.removeFirst();
        }
    }

    private static String key(String username) {
        String name = username == null ? "" : username;
        return name.substring(0, Math.min(name.length(), 100)).toLowerCase(Locale.ROOT);
    }
}
