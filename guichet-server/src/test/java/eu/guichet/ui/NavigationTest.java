package eu.guichet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

@Tag("unit")
class NavigationTest {

    private static final List<String> SIGNED_IN = List.of("nav.home", "nav.catalogue", "nav.register", "nav.basket",
            "nav.account");

    private static List<String> signedInAnd(String... more) {
        return java.util.stream.Stream.concat(SIGNED_IN.stream(), java.util.Arrays.stream(more)).toList();
    }

    @Test
    void visitors_see_only_the_home_page() {
        assertThat(keysFor(Optional.empty())).containsExactly("nav.home", "nav.catalogue", "nav.register");
    }

    @Test
    void signed_in_users_see_their_account_and_the_pages_of_their_roles() {
        assertThat(keysFor(user(Role.APPLICANT))).containsExactly("nav.home", "nav.catalogue", "nav.register",
                "nav.basket", "nav.applications", "nav.workspaces", "nav.account");
        assertThat(keysFor(user(Role.CITIZEN))).containsExactlyElementsOf(signedInAnd("nav.optout"));
        assertThat(keysFor(user(Role.AUDITOR))).containsExactlyElementsOf(signedInAnd("nav.audit"));
        assertThat(keysFor(user(Role.HDAB_ADMIN)))
                .containsExactlyElementsOf(signedInAnd("nav.holder_requests", "nav.queue", "nav.users", "nav.optouts",
                        "nav.audit"));
        assertThat(keysFor(user(Role.HDAB_REVIEWER)))
                .containsExactlyElementsOf(signedInAnd("nav.holder_requests", "nav.queue", "nav.review"));
        assertThat(keysFor(user(Role.HDAB_DECIDER))).containsExactlyElementsOf(signedInAnd("nav.review"));
        assertThat(keysFor(user(Role.HDAB_ANALYST))).containsExactly("nav.home", "nav.catalogue", "nav.register",
                "nav.basket", "nav.workspaces", "nav.account", "nav.statistics");
        assertThat(keysFor(user(Role.OUTPUT_CHECKER))).containsExactlyElementsOf(signedInAnd("nav.outputs"));
        assertThat(keysFor(user(Role.DATA_HOLDER, Role.AUDITOR)))
                .containsExactlyElementsOf(
                        signedInAnd("nav.holder", "nav.deliveries", "nav.holder_requests", "nav.audit"));
    }

    @Test
    void each_page_appears_once() {
        List<String> paths = Navigation.entries().stream().map(NavigationEntry::path).toList();
        assertThat(paths).doesNotHaveDuplicates().allMatch(p -> p.startsWith("/"));
    }

    private static List<String> keysFor(Optional<CurrentUser> user) {
        return Navigation.visibleTo(user).stream().map(NavigationEntry::messageKey).toList();
    }

    private static Optional<CurrentUser> user(Role... roles) {
        return Optional.of(new CurrentUser(UserId.random(), "someone", "Someone", Optional.empty(), Set.of(roles)));
    }
}
