package eu.guichet.optout.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.optout.OptOutRegister;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The citizen's opt-out page: what opting out means and its limits, the current status, opt out or withdraw (each
 * confirmed by a ticked box), and the history.
 */
@Controller
@AllowRoles(Role.CITIZEN)
class OptOutPagesController {

    private final OptOutRegister register;

    OptOutPagesController(OptOutRegister register) {
        this.register = register;
    }

    @GetMapping("/optout")
    String page(Model model, CurrentUser citizen) {
        boolean identified = register.hasNationalIdentifier(citizen);
        model.addAttribute("identified", identified);
        if (identified) {
            model.addAttribute("status", register.history(citizen));
        }
        return "optout/optout";
    }

    @PostMapping("/optout")
    String optOut(@RequestParam(required = false) String confirm, CurrentUser citizen, RedirectAttributes redirect) {
        return act("optout", confirm, redirect, () -> register.optOut(citizen));
    }

    @PostMapping("/optout/withdraw")
    String withdraw(@RequestParam(required = false) String confirm, CurrentUser citizen,
            RedirectAttributes redirect) {
        return act("withdraw", confirm, redirect, () -> register.withdraw(citizen));
    }

    private static String act(String action, String confirm, RedirectAttributes redirect, Runnable change) {
        if (confirm == null || confirm.isBlank()) {
            redirect.addFlashAttribute("unconfirmed", action);
            return "redirect:/optout#" + action;
        }
        try {
            change.run();
            redirect.addFlashAttribute("done", action);
        } catch (GuichetException e) {
            redirect.addFlashAttribute("refused", e.code());
        }
        return "redirect:/optout";
    }
}
