package eu.guichet.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.StatisticalAnswer;
import eu.guichet.access.StatisticalAnswers;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * {@code /hdab/statistics}: the analysts' queue of statistical answers to prepare (data requests granted, statistical
 * answers offered), the earliest due first; an analyst takes one in preparation. The answer is released by output
 * control, not here.
 */
@Controller
class StatisticsPagesController {

    /** One answer as the page shows it. */
    record Row(StatisticalAnswer answer, String analystName, boolean overdue, boolean mine) {
    }

    private final StatisticalAnswers answers;
    private final IdentityManagement identity;
    private final PageRefusals refusals;
    private final Clock clock;

    StatisticsPagesController(StatisticalAnswers answers, IdentityManagement identity, PageRefusals refusals,
            Clock clock) {
        this.answers = answers;
        this.identity = identity;
        this.refusals = refusals;
        this.clock = clock;
    }

    @GetMapping("/hdab/statistics")
    @AllowRoles(Role.HDAB_ANALYST)
    String queue(Model model, CurrentUser caller) {
        List<Row> rows = answers.queue(caller).stream().map(s -> new Row(s,
                s.analyst().flatMap(identity::findUser).map(UserAccount::displayName).orElse(null),
                s.isOverdue(clock.instant()), s.analyst().map(caller.id()::equals).orElse(false))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("zone", clock.getZone());
        return "access/statistics";
    }

    @PostMapping("/hdab/statistics/{id}/assignment")
    @AllowRoles(Role.HDAB_ANALYST)
    String assign(@PathVariable UUID id, CurrentUser caller, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            answers.assign(new ApplicationId(id), caller);
            redirect.addFlashAttribute("moved", "statistics_assigned");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        }
        return "redirect:/hdab/statistics";
    }
}
