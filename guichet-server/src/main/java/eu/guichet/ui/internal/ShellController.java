package eu.guichet.ui.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.CurrentUsers;
import eu.guichet.security.Role;
import eu.guichet.ui.Navigation;

/** The home page (a welcome for visitors, a dashboard for signed-in users) and the user's own account. */
@Controller
class ShellController {

    private final IdentityManagement identity;

    ShellController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/")
    @AllowAnonymous
    String home(Model model) {
        Optional<CurrentUser> user = CurrentUsers.find();
        if (user.isEmpty()) {
            return "ui/welcome";
        }
        model.addAttribute("me", profile(user.get()));
        model.addAttribute("pages", Navigation.visibleTo(user).stream().filter(e -> !e.path().equals("/")).toList());
        return "ui/dashboard";
    }

    @GetMapping("/account")
    @AllowAuthenticated
    String account(CurrentUser user, Model model) {
        model.addAttribute("me", profile(user));
        return "ui/account";
    }

    private Profile profile(CurrentUser user) {
        String organisation = user.organisationId().flatMap(identity::findOrganisation).map(Organisation::name)
                .orElse(null);
        List<Role> roles = user.roles().stream().sorted().toList();
        return new Profile(user.username(), user.displayName(), organisation, roles);
    }

    /** The signed-in user as the pages show them; {@code organisation} is null for people without one. */
    public record Profile(String username, String displayName, String organisation, List<Role> roles) {
    }
}
