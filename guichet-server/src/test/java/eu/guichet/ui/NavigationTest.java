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

    @Test
    void visitors_see_only_the_home_page() {
        assertThat(keysFor(Optional.empty())).containsExactly("nav.home");
    }

    @Test
    void signed_in_users_see_their_account_and_the_pages_of_their_roles() {
        assertThat(keysFor(user(Role.APPLICANT))).containsExactly("nav.home", "nav.account");
        assertThat(keysFor(user(Role.CITIZEN))).containsExactly("nav.home", "nav.account");
        assertThat(keysFor(user(Role.AUDITOR))).containsExactly("nav.home", "nav.account", "nav.audit");
        assertThat(keysFor(user(Role.HDAB_ADMIN)))
                .containsExactly("nav.home", "nav.account", "nav.queue", "nav.users", "nav.audit");
        assertThat(keysFor(user(Role.HDAB_REVIEWER))).containsExactly("nav.home", "nav.account", "nav.queue");
        assertThat(keysFor(user(Role.DATA_HOLDER, Role.AUDITOR)))
                .containsExactly("nav.home", "nav.account", "nav.holder", "nav.audit");
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
