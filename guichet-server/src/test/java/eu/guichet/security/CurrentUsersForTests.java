package eu.guichet.security;

import java.util.Optional;
import java.util.Set;

/** Callers for tests that call module APIs directly. */
public final class CurrentUsersForTests {

    private CurrentUsersForTests() {
    }

    /** An HDAB administrator who belongs to no organisation in the database. */
    public static CurrentUser staff() {
        return new CurrentUser(UserId.random(), "test-staff", "Test staff", Optional.empty(),
                Set.of(Role.HDAB_ADMIN));
    }
}
