package eu.guichet.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

@Tag("unit")
class LoginThrottleTest {

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void locks_a_username_after_ten_failures_within_ten_minutes_and_unlocks_when_they_age_out() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            fail("Alice");
            clock.now = clock.now.plusSeconds(30);
        }
        assertThat(throttle.isLocked("alice")).isFalse();
        fail("alice");
        assertThat(throttle.isLocked("alice")).as("names compare without case").isTrue();
        assertThat(throttle.isLocked("bob")).isFalse();

        clock.now = clock.now.plus(LoginThrottle.WINDOW).minus(Duration.ofMinutes(4));
        assertThat(throttle.isLocked("alice")).as("the oldest failures left the window").isFalse();
    }

    @Test
    void a_successful_sign_in_clears_the_count() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            fail("carol");
        }
        throttle.onSuccess(new AuthenticationSuccessEvent(
                UsernamePasswordAuthenticationToken.authenticated("carol", null, java.util.List.of())));
        fail("carol");
        assertThat(throttle.isLocked("carol")).isFalse();
    }

    private void fail(String username) {
        throttle.onFailure(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong"),
                new BadCredentialsException("Bad credentials")));
    }
}
