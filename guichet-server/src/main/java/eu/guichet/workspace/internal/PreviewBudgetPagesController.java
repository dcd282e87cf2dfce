package eu.guichet.workspace.internal;

import static eu.guichet.security.Role.HDAB_ADMIN;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.UserId;
import eu.guichet.workspace.Workspaces;

/** The HDAB administrator's button on the users page that lifts a user's exhausted daily preview budget. */
@Controller
@AllowRoles(HDAB_ADMIN)
class PreviewBudgetPagesController {

    private final Workspaces workspaces;
    private final IdentityManagement identity;

    PreviewBudgetPagesController(Workspaces workspaces, IdentityManagement identity) {
        this.workspaces = workspaces;
        this.identity = identity;
    }

    @PostMapping("/admin/users/{userId}/preview-budget/lift")
    String lift(@PathVariable UUID userId, CurrentUser caller, RedirectAttributes redirect) {
        UserId user = new UserId(userId);
        String username = identity.getUser(user).username();
        workspaces.liftBudget(user, caller);
        redirect.addFlashAttribute("budgetLifted", username);
        return "redirect:/admin/users";
    }
}
