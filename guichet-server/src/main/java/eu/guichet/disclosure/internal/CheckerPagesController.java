package eu.guichet.disclosure.internal;

import static eu.guichet.security.Role.OUTPUT_CHECKER;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.guichet.disclosure.OutputId;
import eu.guichet.disclosure.Outputs;
import eu.guichet.disclosure.ReviewDecision;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;

/**
 * Output checkers' pages: the queue of requests waiting for a review, and one request's review page — the cells with
 * their true and released values, outcomes and reasons, the reviews so far, and the decision form.
 */
@Controller
@AllowRoles(OUTPUT_CHECKER)
class CheckerPagesController {

    private final Outputs outputs;

    CheckerPagesController(Outputs outputs) {
        this.outputs = outputs;
    }

    @GetMapping("/hdab/outputs")
    String queue(Model model) {
        model.addAttribute("queue", outputs.queue());
        return "disclosure/queue";
    }

    @GetMapping("/hdab/outputs/{id}")
    String review(@PathVariable UUID id, Model model, CurrentUser caller) {
        return page(new OutputId(id), null, null, model, caller);
    }

    @PostMapping("/hdab/outputs/{id}/reviews")
    String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
            @RequestParam(required = false) String comment, Model model, CurrentUser caller) {
        OutputId output = new OutputId(id);
        ReviewDecision d;
        try {
            d = ReviewDecision.valueOf(String.valueOf(decision));
        } catch (IllegalArgumentException e) {
            d = null;
        }
        try {
            outputs.review(output, d, comment, caller);
            return "redirect:/hdab/outputs/" + id + "?reviewed";
        } catch (GuichetException e) {
            return page(output, e.code(), comment, model, caller);
        } catch (AccessDenied e) {
            return page(output, e.code(), comment, model, caller);
        }
    }

    private String page(OutputId id, String refusal, String comment, Model model, CurrentUser caller) {
        model.addAttribute("output", outputs.get(id, caller));
        model.addAttribute("refusal", refusal);
        model.addAttribute("comment", comment);
        return "disclosure/review";
    }
}
