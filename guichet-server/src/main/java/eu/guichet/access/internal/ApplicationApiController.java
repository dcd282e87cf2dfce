package eu.guichet.access.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationFees;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationManagement;
import eu.guichet.access.ApplicationReview;
import eu.guichet.access.Assessment;
import eu.guichet.access.DecisionRequest;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.QueueEntry;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * REST API of applications and data requests (API.md): applicants write, submit, answer and withdraw; HDAB reviewers
 * and deciders move them and decide. Every answer is the application as {@link ApplicationView}.
 */
@RestController
@RequestMapping("/api/applications")
class ApplicationApiController {

    private final ApplicationManagement applications;
    private final ApplicationReview review;
    private final PermitManagement permits;
    private final ApplicationFees fees;
    private final Clock clock;

    ApplicationApiController(ApplicationManagement applications, ApplicationReview review, PermitManagement permits,
            ApplicationFees fees, Clock clock) {
        this.fees = fees;
        this.applications = applications;
        this.review = review;
        this.permits = permits;
        this.clock = clock;
    }

    /** A new draft: {@code kind}, then either {@code fromBasket: true} or a {@code form}. */
    record NewApplication(ApplicationKind kind, boolean fromBasket, ApplicationForm form) {
    }

    record FormUpdate(Integer revision, ApplicationForm form) {
    }

    record Transition(String action, String reason) {
    }

    record Message(String body) {
    }

    @GetMapping
    @AllowRoles({ Role.APPLICANT })
    List<ApplicationView> mine(CurrentUser caller) {
        return applications.listOwnApplications(caller).stream().map(a -> view(a, caller)).toList();
    }

    @GetMapping("/queue")
    @AllowRoles({ Role.HDAB_REVIEWER, Role.HDAB_DECIDER })
    List<QueueEntry> queue(CurrentUser caller) {
        return review.queue(caller);
    }

    @PostMapping
    @AllowRoles(Role.APPLICANT)
    ResponseEntity<ApplicationView> create(@RequestBody NewApplication body, CurrentUser caller) {
        ApplicationKind kind = body.kind() == null ? ApplicationKind.DATA_ACCESS : body.kind();
        Application a = body.fromBasket() ? applications.createFromBasket(kind, caller)
                : applications.create(kind, body.form() == null ? ApplicationForm.startingWith(List.of())
                        : body.form(), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(a, caller));
    }

    @GetMapping("/{id}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    ApplicationView get(@PathVariable UUID id, CurrentUser caller) {
        return view(applications.getApplication(new ApplicationId(id), caller), caller);
    }

    @PutMapping("/{id}")
    @AllowRoles(Role.APPLICANT)
    ApplicationView update(@PathVariable UUID id, @RequestBody FormUpdate body, CurrentUser caller) {
        if (body.revision() == null || body.form() == null) {
            throw new ValidationException("access.revision_required",
                    "Send the revision you edited with the form: {\"revision\": n, \"form\": {...}}.",
                    List.of(new ValidationException.FieldError("revision", "required")));
        }
        return view(applications.update(new ApplicationId(id), body.form(), body.revision(), caller), caller);
    }

    @PostMapping("/{id}/submit")
    @AllowRoles(Role.APPLICANT)
    ApplicationView submit(@PathVariable UUID id, CurrentUser caller) {
        return view(applications.submit(new ApplicationId(id), caller), caller);
    }

    @PostMapping("/{id}/withdraw")
    @AllowRoles(Role.APPLICANT)
    ApplicationView withdraw(@PathVariable UUID id, CurrentUser caller) {
        return view(applications.withdraw(new ApplicationId(id), caller), caller);
    }

    /** HDAB moves ({@code accept}, {@code request_information}, {@code extend}, {@code ask_clarification}) and the
     * applicant's {@code answer}. */
    @PostMapping("/{id}/transitions")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER })
    ApplicationView transition(@PathVariable UUID id, @RequestBody Transition body, CurrentUser caller) {
        ApplicationId applicationId = new ApplicationId(id);
        String action = body.action() == null ? "" : body.action();
        Application a = action.equals("answer") ? applications.answer(applicationId, body.reason(), caller)
                : review.transition(applicationId, action, body.reason(), caller);
        return view(a, caller);
    }

    @PostMapping("/{id}/assessment")
    @AllowRoles(Role.HDAB_REVIEWER)
    ApplicationView assess(@PathVariable UUID id, @RequestBody Assessment.Draft body, CurrentUser caller) {
        return view(review.assess(new ApplicationId(id), body, caller), caller);
    }

    @PostMapping("/{id}/decision")
    @AllowRoles(Role.HDAB_DECIDER)
    ResponseEntity<ApplicationView> decide(@PathVariable UUID id, @RequestBody DecisionRequest body,
            CurrentUser caller) {
        ApplicationId applicationId = new ApplicationId(id);
        review.decide(applicationId, body, caller);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(view(applications.getApplication(applicationId, caller), caller));
    }

    /**
     * The decision document as issued (HTML; its SHA-256 is in the application and the audit trail), or rendered as
     * PDF with {@code Accept: application/pdf}.
     */
    @GetMapping("/{id}/decision/document")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    ResponseEntity<byte[]> decisionDocument(@PathVariable UUID id,
            @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", defaultValue = "text/html")
            String accept, CurrentUser caller) {
        ApplicationId applicationId = new ApplicationId(id);
        String html = applications.decision(applicationId, caller).orElseThrow(() -> new eu.guichet.problem
                .NotFoundException("access.no_decision", "No decision on this application yet.")).document();
        if (accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(DecisionDocuments.pdf(html));
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/{id}/messages")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER })
    ResponseEntity<ApplicationView> message(@PathVariable UUID id, @RequestBody Message body, CurrentUser caller) {
        ApplicationId applicationId = new ApplicationId(id);
        applications.sendMessage(applicationId, body.body(), caller);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(view(applications.getApplication(applicationId, caller), caller));
    }

    private ApplicationView view(Application a, CurrentUser caller) {
        return ApplicationView.of(a, applications.history(a.id(), caller), applications.messages(a.id(), caller),
                applications.decision(a.id(), caller), permits.findPermitOf(a.id()).map(p -> p.id()),
                fees.forApplicant(a), clock);
    }
}
