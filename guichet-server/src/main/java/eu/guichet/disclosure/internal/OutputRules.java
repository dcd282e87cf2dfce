package eu.guichet.disclosure.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.disclosure.NewOutput;
import eu.guichet.disclosure.Output;
import eu.guichet.disclosure.OutputLifecycle;
import eu.guichet.disclosure.OutputStatus;
import eu.guichet.disclosure.ReviewDecision;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.notification.Notice;
import eu.guichet.notification.Notifications;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The moves of an output request, inside the caller's transaction: one transition method ({@link #apply}, audited
 * last), the reviews' rules (one review per checker and round; two approvals release) and the notifications (checkers
 * on a new request, the requester on each review).
 */
@Component
public class OutputRules {

    private final OutputRepository outputs;
    private final OutputFiles files;
    private final Notifications notifications;
    private final IdentityManagement identity;
    private final AuditTrail audit;
    private final Clock clock;

    OutputRules(OutputRepository outputs, OutputFiles files, Notifications notifications, IdentityManagement identity,
            AuditTrail audit, Clock clock) {
        this.outputs = outputs;
        this.files = files;
        this.notifications = notifications;
        this.identity = identity;
        this.audit = audit;
        this.clock = clock;
    }

    /** The move, if the table allows it; 409 otherwise. */
    public OutputLifecycle.Move allowed(Output o, OutputStatus to) {
        return OutputLifecycle.move(o.status(), to).orElseThrow(() -> new InvalidTransitionException(
                "disclosure.invalid_transition", "An output " + o.status() + " cannot become " + to + "."));
    }

    /** The one transition method: sets the status and audits the move (last in the transaction). */
    public void apply(Output o, OutputLifecycle.Move move, AuditRecord record) {
        outputs.status(o.id(), move.to(), clock.instant());
        audit.record(record.with("from", move.from().name()).with("to", move.to().name()));
    }

    /** The checks ran (or could not): CHECKED and the checkers told, or CHECK_FAILED with a code. */
    public void checked(Output o, OutputChecks.Result result) {
        if (result.summary().isPresent()) {
            var move = allowed(o, OutputStatus.CHECKED);
            var s = result.summary().get();
            outputs.checked(o.id(), s);
            for (var checker : identity.listUsers(Optional.empty())) {
                if (checker.enabled() && checker.roles().contains(Role.OUTPUT_CHECKER)
                        && !checker.id().equals(o.requestedBy())) {
                    notifications.notify(checker.id(), Notice.of("disclosure.output_checked",
                            "disclosure.notice.checked", "/hdab/outputs/" + o.id(), o.savedQueryName()));
                }
            }
            apply(o, move, AuditRecord.success(move.action(), "output", o.id()).by("system")
                    .with("cells", s.cells()).with("hidden", s.hidden()).with("review", s.review()));
        } else {
            var move = allowed(o, OutputStatus.CHECK_FAILED);
            outputs.checkFailed(o.id(), result.error().orElseThrow());
            apply(o, move, AuditRecord.success(move.action(), "output", o.id()).by("system")
                    .with("error", result.error().get()));
        }
    }

    /**
     * Records a review (the caller's independence is checked before); returns the released file's SHA-256 when this
     * was the second approval.
     */
    public Optional<String> review(Output o, ReviewDecision decision, String comment, CurrentUser caller,
            Instant now) {
        if (!o.status().awaitsReview()) {
            throw new InvalidTransitionException("disclosure.not_awaiting_review",
                    "This output does not wait for a review (" + o.status() + ").");
        }
        if (o.reviews().stream().anyMatch(r -> r.round() == o.round() && r.reviewer().equals(caller.id()))) {
            throw new ConflictException("disclosure.already_reviewed",
                    "You already reviewed this output: a second, different checker reviews it.");
        }
        String text = comment == null ? "" : comment.strip();
        if (decision == null || (decision != ReviewDecision.APPROVE && text.isEmpty()) || text.length() > 4000) {
            throw new ValidationException("disclosure.review_invalid",
                    "Choose APPROVE, REJECT or RETURN; a rejection or a return says why (at most 4000 characters).",
                    List.of(new ValidationException.FieldError("comment", "required to reject or return")));
        }
        outputs.insertReview(o.id(), o.round(), caller.id(), decision, text.isEmpty() ? null : text, now);
        notifications.notify(o.requestedBy(), Notice.of("disclosure.output_reviewed",
                "disclosure.notice.reviewed." + decision.name().toLowerCase(java.util.Locale.ROOT),
                "/outputs/" + o.id(), o.savedQueryName()));
        AuditRecord record = AuditRecord.success("output.reviewed", "output", o.id()).with("decision", decision.name())
                .with("round", o.round());
        return switch (decision) {
            case REJECT -> move(o, OutputStatus.REJECTED, record);
            case RETURN -> move(o, OutputStatus.RETURNED, record);
            case APPROVE -> o.status() == OutputStatus.CHECKED ? move(o, OutputStatus.IN_REVIEW, record)
                    : release(o, record);
        };
    }

    private Optional<String> release(Output o, AuditRecord record) {
        var approve = allowed(o, OutputStatus.APPROVED);
        String sha = files.publish(o.id());
        outputs.released(o.id(), sha, clock.instant());
        apply(o, approve, renamed(record, approve.action()));
        Output approved = outputs.find(o.id()).orElseThrow();
        var release = allowed(approved, OutputStatus.RELEASED);
        apply(approved, release, AuditRecord.success(release.action(), "output", o.id()).by("system")
                .with("sha256", sha).with("permit", o.permitId()));
        return Optional.of(sha);
    }

    private Optional<String> move(Output o, OutputStatus to, AuditRecord record) {
        var move = allowed(o, to);
        apply(o, move, renamed(record, move.action()));
        return Optional.empty();
    }

    private static AuditRecord renamed(AuditRecord r, String action) {
        return new AuditRecord(action, r.objectType(), r.objectId(), r.outcome(), r.details(), r.actor());
    }

    public static void validate(NewOutput request) {
        var table = request == null ? null : request.table();
        if (request == null || request.savedQueryId() == null) {
            throw invalid("savedQueryId", "Choose the saved query whose result you want released.");
        }
        if (request.description() == null || request.description().isBlank() || request.description().length() > 4000) {
            throw invalid("description", "Describe what the table shows (at most 4000 characters).");
        }
        if (table == null || table.dimensions().isEmpty() || table.dimensions().size() > 4
                || table.dimensions().stream().anyMatch(d -> d == null || d.isBlank())
                || table.contributor() == null || table.contributor().isBlank()) {
            throw invalid("table", "Name 1 to 4 dimension columns and the contributor column of the query.");
        }
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException("disclosure.request_invalid", message,
                List.of(new ValidationException.FieldError(field, message)));
    }
}
