package eu.guichet.access.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.DecisionIssued;
import eu.guichet.access.HolderRequest;
import eu.guichet.access.Permit;
import eu.guichet.access.PermitAmended;
import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitExtended;
import eu.guichet.access.PermitGranted;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitRevoked;
import eu.guichet.access.ScreeningFinding;
import eu.guichet.access.StatisticalAnswerReleased;
import eu.guichet.access.StatisticalAnswers;
import eu.guichet.access.StatutoryClock;
import eu.guichet.notification.Notice;
import eu.guichet.notification.Notifications;
import eu.guichet.security.UserId;

/**
 * Tells people what happened in the procedure, in the application and by e-mail, in the transaction of the change
 * (synchronous listeners of the module's own events: a change that rolls back tells nobody). The applicant and their
 * team hear of every move of their application and of their permit; reviewers of a new or completed application and
 * of an answered question; deciders of an assessment ready; analysts of a statistical answer to prepare; data
 * holders of a consultation or a data request.
 * Texts are the {@code access.notice.*} messages; their arguments are titles, dates and reasons, never health data.
 */
@Component
class AccessNotices {

    private final Notifications notifications;
    private final AccessRecipients recipients;
    private final ApplicationRepository applications;
    private final PermitRepository permits;
    private final Clock clock;
    private final java.time.ZoneId zone;

    AccessNotices(Notifications notifications, AccessRecipients recipients, ApplicationRepository applications,
            PermitRepository permits, AccessProperties properties, Clock clock) {
        this.zone = properties.timeZone();
        this.notifications = notifications;
        this.recipients = recipients;
        this.applications = applications;
        this.permits = permits;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationMoved moved) {
        Application a = moved.application();
        String title = title(a);
        String mine = "/applications/" + a.id();
        String hdab = "/hdab/applications/" + a.id();
        String reason = moved.reason().orElse("");
        switch (moved.action()) {
            case "submit" -> tell(recipients.applicantSide(a), notice("received", mine, title));
            case "screen" -> tell(recipients.reviewers(a), notice(a.returned() ? "completed" : "to_prescreen", hdab,
                    title));
            case "return_incomplete" -> tell(recipients.applicantSide(a), due(notice("incomplete", mine, title,
                    missing(a)), a));
            case "request_information" -> tell(recipients.applicantSide(a), due(notice("incomplete", mine, title,
                    reason), a));
            case "accept" -> tell(recipients.applicantSide(a), due(notice("accepted", mine, title, lastDay(a)), a));
            case "ask_clarification" -> tell(recipients.applicantSide(a), notice("clarification", mine, title,
                    reason));
            case "answer" -> tell(recipients.reviewers(a), notice("answered", hdab, title));
            case "extend" -> tell(recipients.applicantSide(a), due(notice("extended", mine, title, lastDay(a),
                    reason), a));
            case "lapse" -> tell(recipients.applicantSide(a), notice("lapsed", mine, title));
            default -> {
                // withdraw (the applicant's own act) and decide (see DecisionIssued) tell nobody here
            }
        }
    }

    @EventListener
    void on(DecisionIssued issued) {
        Application a = application(issued.applicationId()).orElse(null);
        if (a == null) {
            return;
        }
        tell(recipients.applicantSide(a), Notice.of("access.decision", "access.notice.decision."
                + issued.outcome().name().toLowerCase(java.util.Locale.ROOT), "/applications/" + a.id(), title(a)));
        if (StatisticalAnswers.owesAnAnswer(a.kind(), issued.outcome())) {
            tell(recipients.analysts(a), notice("statistical_queued", "/hdab/statistics", title(a)));
        }
    }

    @EventListener
    void on(StatisticalAnswerReleased released) {
        application(released.applicationId()).ifPresent(a -> tell(recipients.applicantSide(a),
                notice("statistical_answer_released", "/applications/" + a.id(), title(a))));
    }

    @EventListener
    void on(AssessmentRecorded assessed) {
        Application a = assessed.application();
        tell(recipients.deciders(a), notice("assessment_ready", "/hdab/applications/" + a.id(), title(a)));
    }

    @EventListener
    void on(AmendmentRequested requested) {
        tell(recipients.deciders(requested.application()), notice("amendment_requested",
                "/permits/" + requested.permit().id(), title(requested.application()), requested.request()));
    }

    @EventListener
    void on(HoldersAsked asked) {
        String title = title(asked.application());
        for (HolderRequest r : asked.requests()) {
            String what = r.kind() == HolderRequest.Kind.CONSULTATION ? "holder_consulted" : "holder_data_requested";
            Notice notice = notice(what, "/holder/requests", title);
            tell(recipients.holderUsers(r.holder()),
                    r.clock().map(c -> notice.due(c.dueAt(clock))).orElse(notice));
        }
    }

    @EventListener
    void on(PermitGranted granted) {
        permitNotice(granted.permitId(), "permit_granted");
    }

    @EventListener
    void on(PermitAmended amended) {
        permitNotice(amended.permitId(), "permit_amended");
    }

    @EventListener
    void on(PermitExtended extended) {
        permitNotice(extended.permitId(), "permit_extended");
    }

    @EventListener
    void on(PermitRevoked revoked) {
        permitNotice(revoked.permitId(), "permit_revoked", revoked.reason());
    }

    @EventListener
    void on(PermitExpired expired) {
        permitNotice(expired.permitId(), "permit_expired");
    }

    /** About a permit this module issued (events about unknown permits, as tests publish, tell nobody). */
    private void permitNotice(PermitId id, String what, String... more) {
        Permit p = permits.find(id).orElse(null);
        Application a = p == null ? null : application(p.applicationId()).orElse(null);
        if (a == null) {
            return;
        }
        String[] arguments = new String[more.length + 2];
        arguments[0] = title(a);
        arguments[1] = p.validUntil().minusNanos(1).atZone(zone).toLocalDate()
                .toString();
        System.arraycopy(more, 0, arguments, 2, more.length);
        tell(recipients.permitSide(p, a), notice(what, "/permits/" + id, arguments));
    }

    private void tell(Collection<UserId> users, Notice notice) {
        for (UserId user : users) {
            notifications.notify(user, notice);
        }
    }

    private java.util.Optional<Application> application(ApplicationId id) {
        return applications.find(id);
    }

    static Notice notice(String what, String link, String... arguments) {
        return Notice.of("access." + what, "access.notice." + what, link, arguments);
    }

    private Notice due(Notice notice, Application a) {
        return a.clock().map(c -> notice.due(c.dueAt(clock))).orElse(notice);
    }

    private String lastDay(Application a) {
        return a.clock().map((StatutoryClock c) -> c.lastDay(clock).toString()).orElse("");
    }

    private static String title(Application a) {
        String title = a.form().title();
        return title == null || title.isBlank() ? a.id().toString() : title;
    }

    /** The form fields the screening found missing or not allowed (field names, never values). */
    private static String missing(Application a) {
        return a.findings().stream().filter(ScreeningFinding::blocks).map(ScreeningFinding::field).distinct()
                .collect(Collectors.joining(", "));
    }
}
