package eu.guichet.ui;

import static eu.guichet.security.Role.APPLICANT;
import static eu.guichet.security.Role.AUDITOR;
import static eu.guichet.security.Role.CITIZEN;
import static eu.guichet.security.Role.DATA_HOLDER;
import static eu.guichet.security.Role.HDAB_ADMIN;
import static eu.guichet.security.Role.HDAB_ANALYST;
import static eu.guichet.security.Role.HDAB_DECIDER;
import static eu.guichet.security.Role.HDAB_REVIEWER;
import static eu.guichet.security.Role.OUTPUT_CHECKER;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.guichet.security.AccessRule;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The main navigation, in display order. Adding a page to the menu is adding one line here; each line's rule must
 * be the one its page's endpoint declares (a test checks it).
 */
public final class Navigation {

    private static final List<NavigationEntry> ENTRIES = List.of(
            entry("nav.home", "/", anyone()),
            entry("nav.catalogue", "/datasets", anyone()),
            entry("nav.register", "/register", anyone()),
            entry("nav.basket", "/basket", signedIn()),
            entry("nav.applications", "/applications", roles(APPLICANT)),
            entry("nav.workspaces", "/workspaces", roles(APPLICANT, HDAB_ANALYST)),
            entry("nav.account", "/account", signedIn()),
            entry("nav.holder", "/holder/datasets", roles(DATA_HOLDER)),
            entry("nav.deliveries", "/holder/deliveries", roles(DATA_HOLDER)),
            entry("nav.holder_requests", "/holder/requests", roles(DATA_HOLDER, HDAB_REVIEWER, HDAB_ADMIN)),
            entry("nav.optout", "/optout", roles(CITIZEN)),
            entry("nav.queue", "/hdab/catalogue", roles(HDAB_ADMIN, HDAB_REVIEWER)),
            entry("nav.review", "/hdab/applications", roles(HDAB_REVIEWER, HDAB_DECIDER)),
            entry("nav.statistics", "/hdab/statistics", roles(HDAB_ANALYST)),
            entry("nav.outputs", "/hdab/outputs", roles(OUTPUT_CHECKER)),
            entry("nav.users", "/admin/users", roles(HDAB_ADMIN)),
            entry("nav.optouts", "/hdab/optouts", roles(HDAB_ADMIN)),
            entry("nav.audit", "/audit", roles(AUDITOR, HDAB_ADMIN)));

    private Navigation() {
    }

    /** Every entry, whoever may see it. */
    public static List<NavigationEntry> entries() {
        return ENTRIES;
    }

    /** The entries the given user (empty: anonymous) may open. */
    public static List<NavigationEntry> visibleTo(Optional<CurrentUser> user) {
        return ENTRIES.stream().filter(e -> e.visibleTo(user)).toList();
    }

    private static NavigationEntry entry(String messageKey, String path, AccessRule rule) {
        return new NavigationEntry(messageKey, path, rule);
    }

    private static AccessRule anyone() {
        return new AccessRule.Anonymous();
    }

    private static AccessRule signedIn() {
        return new AccessRule.Authenticated();
    }

    private static AccessRule roles(Role... roles) {
        return new AccessRule.Roles(Set.of(roles));
    }
}
