package eu.guichet.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationDocument;
import eu.guichet.access.ApplicationDocuments;
import eu.guichet.access.ApplicationFees;
import eu.guichet.access.ApplicationLifecycle;
import eu.guichet.access.ApplicationLifecycle.Actor;
import eu.guichet.access.ApplicationManagement;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.StatusChange;
import eu.guichet.access.internal.ApplicationView.ClockView;
import eu.guichet.access.internal.ApplicationView.DecisionView;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/**
 * What the application's pages show of it, for the applicant's page and the HDAB's assessment page alike (the
 * fragments of templates/access/fragments.html read these model attributes): the form, the running clock, the
 * findings, the fees, the history and messages with their authors' names, the decision and the permit.
 */
@Component
class ApplicationPageModel {

    private final ApplicationManagement applications;
    private final ApplicationFees fees;
    private final PermitManagement permits;
    private final IdentityManagement identity;
    private final Clock clock;
    private final ApplicationDocuments documents;
    private final StatisticalAnswerRepository statisticalAnswers;

    ApplicationPageModel(ApplicationManagement applications, ApplicationFees fees, PermitManagement permits,
            IdentityManagement identity, Clock clock, ApplicationDocuments documents,
            StatisticalAnswerRepository statisticalAnswers) {
        this.statisticalAnswers = statisticalAnswers;
        this.documents = documents;
        this.applications = applications;
        this.fees = fees;
        this.permits = permits;
        this.identity = identity;
        this.clock = clock;
    }

    /** One move of the history with the name of who made it (empty: Guichet itself). */
    record HistoryRow(StatusChange change, Optional<String> actorName) {
    }

    /** An application in a list, with the last day and the days left of its running clock. */
    record ListRow(Application application, Optional<ClockView> clock) {
    }

    ListRow row(Application a) {
        return new ListRow(a, clockOf(a));
    }

    Optional<ClockView> clockOf(Application a) {
        return a.clock().map(c -> ClockView.of(c, clock));
    }

    void fill(Model model, Application a, CurrentUser caller) {
        model.addAttribute("app", a);
        model.addAttribute("form", a.form());
        model.addAttribute("organisation", identity.findOrganisation(a.organisation()).map(Organisation::name)
                .orElse(""));
        model.addAttribute("clock", clockOf(a).orElse(null));
        model.addAttribute("history", applications.history(a.id(), caller).stream()
                .map(c -> new HistoryRow(c, c.actor().flatMap(this::name))).toList());
        model.addAttribute("messages", applications.messages(a.id(), caller));
        model.addAttribute("decision", applications.decision(a.id(), caller).map(DecisionView::of).orElse(null));
        model.addAttribute("permitId", permits.findPermitOf(a.id()).map(p -> p.id()).orElse(null));
        // the released statistical answer: its output in output control, downloaded by the applicant
        model.addAttribute("statisticalAnswerOutput", statisticalAnswers.find(a.id())
                .filter(s -> s.status() == eu.guichet.access.StatisticalAnswer.Status.ANSWERED)
                .flatMap(eu.guichet.access.StatisticalAnswer::outputRef).orElse(null));
        boolean withdrawn = a.status() == ApplicationStatus.WITHDRAWN;
        model.addAttribute("fees", fees.forApplicant(a));
        model.addAttribute("feesWithdrawn", withdrawn);
        model.addAttribute("flags", a.findings().stream().filter(f -> !f.blocks()).toList());
        model.addAttribute("blocking", a.findings().stream().filter(f -> f.blocks()).toList());
        model.addAttribute("applicantActions", applicantActions(a, caller));
        model.addAttribute("editable", a.isOwnedBy(caller.id()) && isEditable(a.status()));
        boolean hdab = caller.hasRole(Role.HDAB_REVIEWER) || caller.hasRole(Role.HDAB_DECIDER);
        model.addAttribute("canWrite", hdab || caller.hasRole(Role.APPLICANT));
        model.addAttribute("hdabPage", hdab);
        model.addAttribute("documents", documents.list(a.id(), caller));
        model.addAttribute("canAttach", a.isOwnedBy(caller.id()) && (isEditable(a.status())
                || a.status() == ApplicationStatus.AWAITING_CLARIFICATION));
        model.addAttribute("documentKinds", ApplicationDocument.Kind.values());
    }

    /** The moves the lifecycle table allows the caller, as the applicant, out of the application's status. */
    static List<String> applicantActions(Application a, CurrentUser caller) {
        if (!a.isOwnedBy(caller.id())) {
            return List.of();
        }
        return ApplicationLifecycle.from(a.status()).stream().filter(m -> m.actors().contains(Actor.APPLICANT))
                .map(ApplicationLifecycle.Move::action).distinct().toList();
    }

    static boolean isEditable(ApplicationStatus status) {
        return status == ApplicationStatus.DRAFT || status == ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION;
    }

    Optional<String> name(UserId user) {
        return identity.findUser(user).map(u -> u.displayName());
    }
}
