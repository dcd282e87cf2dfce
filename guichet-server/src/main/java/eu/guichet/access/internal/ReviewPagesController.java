package eu.guichet.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationLifecycle;
import eu.guichet.access.ApplicationLifecycle.Actor;
import eu.guichet.access.ApplicationManagement;
import eu.guichet.access.ApplicationReview;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Assessment;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.DecisionRequest;
import eu.guichet.access.QueueEntry;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The HDAB's pages: the queue sorted by due date (overdue first), and an application's assessment page with the
 * moves the lifecycle table gives the caller's role, the assessment form for the reviewer who accepted it and the
 * decision form for a decider. Separation of duties is the façade's: when it refuses, the page says why (the
 * problem's code) after the redirect.
 */
@Controller
@AllowRoles({ Role.HDAB_REVIEWER, Role.HDAB_DECIDER })
class ReviewPagesController {

    /** The HDAB's moves with their own buttons here; the decision has its form. */
    private static final Set<String> BUTTONS = Set.of("accept", "request_information", "extend", "ask_clarification");

    private final PageRefusals refusals;
    private final ApplicationManagement applications;
    private final ApplicationReview review;
    private final ApplicationPageModel pages;

    ReviewPagesController(ApplicationManagement applications, ApplicationReview review, ApplicationPageModel pages,
            PageRefusals refusals) {
        this.refusals = refusals;
        this.applications = applications;
        this.review = review;
        this.pages = pages;
    }

    /** A queue entry with its running clock as the pages show it (last day, days left). */
    record QueueRow(QueueEntry entry, ApplicationView.ClockView clock) {
    }

    @GetMapping("/hdab/applications")
    String queue(Model model, CurrentUser caller) {
        model.addAttribute("queue", review.queue(caller).stream()
                .map(e -> new QueueRow(e, pages.clockOf(e.application()).orElse(null))).toList());
        return "access/review-queue";
    }

    @GetMapping("/hdab/applications/{id}")
    @AllowRoles({ Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ANALYST })
    String assessment(@PathVariable UUID id, Model model, CurrentUser caller) {
        Application a = applications.getApplication(new ApplicationId(id), caller);
        pages.fill(model, a, caller);
        model.addAttribute("moves", moves(a, caller));
        model.addAttribute("canAssess", caller.hasRole(Role.HDAB_REVIEWER) && a.status() == ApplicationStatus.PROCESSING
                && a.acceptedBy().map(caller.id()::equals).orElse(false));
        model.addAttribute("canDecide", caller.hasRole(Role.HDAB_DECIDER)
                && ApplicationLifecycle.exists(a.status(), "decide"));
        model.addAttribute("assessedBy", a.assessment().flatMap(x -> pages.name(x.assessedBy())).orElse(null));
        model.addAttribute("acceptedBy", a.acceptedBy().flatMap(pages::name).orElse(null));
        model.addAttribute("criteria", Assessment.Criterion.values());
        model.addAttribute("verdicts", Assessment.Verdict.values());
        model.addAttribute("outcomes", DecisionOutcome.values());
        return "access/assessment";
    }

    /** {@code accept}, {@code request_information}, {@code extend}, {@code ask_clarification}, with reasons. */
    @PostMapping("/hdab/applications/{id}/transitions")
    String transition(@PathVariable UUID id, @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) String reason, CurrentUser caller,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            review.transition(new ApplicationId(id), action, reason, caller);
            redirect.addFlashAttribute("moved", action);
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/hdab/applications/" + id;
    }

    /**
     * Per criterion {@code verdict.<CRITERION>} and {@code comment.<CRITERION>}; a criterion without a verdict is left
     * out.
     */
    @PostMapping("/hdab/applications/{id}/assessment")
    @AllowRoles(Role.HDAB_REVIEWER)
    String assess(@PathVariable UUID id, @RequestParam Map<String, String> params,
            @RequestParam(required = false) DecisionOutcome recommendation,
            @RequestParam(required = false) String summary, CurrentUser caller,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            List<Assessment.CriterionAssessment> criteria = new ArrayList<>();
            for (Assessment.Criterion c : Assessment.Criterion.values()) {
                String verdict = params.get("verdict." + c.name());
                var known = java.util.Arrays.stream(Assessment.Verdict.values())
                        .filter(v -> v.name().equals(verdict)).findFirst();
                if (known.isPresent()) {
                    criteria.add(new Assessment.CriterionAssessment(c, known.get(),
                            params.get("comment." + c.name())));
                }
            }
            review.assess(new ApplicationId(id), new Assessment.Draft(criteria, recommendation, summary), caller);
            redirect.addFlashAttribute("moved", "assess");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/hdab/applications/" + id;
    }

    @PostMapping("/hdab/applications/{id}/decision")
    @AllowRoles(Role.HDAB_DECIDER)
    String decide(@PathVariable UUID id, @RequestParam DecisionOutcome outcome,
            @RequestParam(required = false) String justification,
            @RequestParam(required = false) Integer durationMonths, @RequestParam(required = false) String speTools,
            @RequestParam(required = false) String conditions, @RequestParam(required = false) Integer minimumK,
            @RequestParam(defaultValue = "false") boolean optOutExceptionAccepted, CurrentUser caller,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            review.decide(new ApplicationId(id), new DecisionRequest(outcome, justification, durationMonths,
                    blankToNull(speTools), null, blankToNull(conditions), minimumK, optOutExceptionAccepted), caller);
            redirect.addFlashAttribute("moved", "decide");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/hdab/applications/" + id;
    }

    /** The moves with a button that the lifecycle table gives the caller's roles out of the current status. */
    static List<ApplicationLifecycle.Move> moves(Application a, CurrentUser caller) {
        Set<Actor> actors = java.util.EnumSet.noneOf(Actor.class);
        if (caller.hasRole(Role.HDAB_REVIEWER)) {
            actors.add(Actor.REVIEWER);
        }
        if (caller.hasRole(Role.HDAB_DECIDER)) {
            actors.add(Actor.DECIDER);
        }
        return ApplicationLifecycle.from(a.status()).stream().filter(m -> BUTTONS.contains(m.action()))
                .filter(m -> m.actors().stream().anyMatch(actors::contains)).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
