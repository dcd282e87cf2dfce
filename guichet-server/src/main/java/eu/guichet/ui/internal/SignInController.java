package eu.guichet.ui.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import eu.guichet.demo.DemoPreparation;
import eu.guichet.demo.DemoProgress;
import eu.guichet.identity.SignInMethods;
import eu.guichet.security.AllowAnonymous;
import eu.guichet.security.CurrentUsers;

/**
 * The sign-in page. The form posts to {@code POST /login}, which Spring Security handles; the identity provider's
 * button starts OpenID Connect. In demo mode the page also shows how far demo preparation has come.
 */
@Controller
class SignInController {

    private final SignInMethods methods;
    private final DemoPreparation demo;

    SignInController(SignInMethods methods, DemoPreparation demo) {
        this.methods = methods;
        this.demo = demo;
    }

    @GetMapping("/login")
    @AllowAnonymous
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired, Model model) {
        if (CurrentUsers.find().isPresent()) {
            return "redirect:/";
        }
        DemoProgress progress = demo.progress();
        model.addAttribute("localAccounts", methods.localAccounts());
        model.addAttribute("openIdConnect", methods.openIdConnect());
        model.addAttribute("oidcStart", SignInMethods.OIDC_START);
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", logout != null);
        model.addAttribute("expired", expired != null);
        model.addAttribute("demoMode", progress.demoMode());
        model.addAttribute("progress", progress.demoMode() && !progress.ready() ? progress : null);
        return "ui/login";
    }

    /** Demo preparation progress, polled by the sign-in page's script. */
    @GetMapping("/demo/progress")
    @AllowAnonymous
    @ResponseBody
    DemoProgress progress() {
        return demo.progress();
    }
}
