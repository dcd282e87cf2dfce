package eu.guichet.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import eu.guichet.access.ApplicationLifecycle.Actor;
import eu.guichet.access.ApplicationLifecycle.Move;
import eu.guichet.access.internal.ApplicationMoved;
import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.UserId;

/**
 * The one way an application changes status: finds the move in {@link ApplicationLifecycle}, checks the actor and the
 * reason, saves the new state, records the change in the history, publishes {@link ApplicationStatusChanged} and
 * writes the audit event — all in the caller's transaction.
 */
@Component
class ApplicationMoves {

    private final ApplicationRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicationMoves(ApplicationRepository repository, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The move {@code action} out of the current status for this actor, or 409 (no such move) / 403 (not theirs). */
    Move find(Application current, String action, Optional<Actor> actor) {
        if (!ApplicationLifecycle.exists(current.status(), action)) {
            throw new InvalidTransitionException("access.invalid_transition",
                    "An application in status " + current.status() + " cannot be '" + action + "'.");
        }
        return actor.flatMap(a -> ApplicationLifecycle.find(current.status(), action, a))
                .orElseThrow(() -> new AccessDenied("access.transition_not_yours",
                        "You may not " + action.replace('_', ' ') + " this application."));
    }

    /** A move Guichet itself makes (screening, lapse). */
    Application system(Application current, String action, UnaryOperator<Application> change) {
        Move move = ApplicationLifecycle.find(current.status(), action)
                .filter(m -> m.actors().contains(Actor.SYSTEM)).orElseThrow(() -> new IllegalStateException(
                        "no system move '" + action + "' from " + current.status()));
        return apply(current, move, Optional.empty(), null, change);
    }

    /**
     * Applies {@code move}: {@code change} adds what the move changes besides the status (clock, findings...).
     */
    Application apply(Application current, Move move, Optional<UserId> actor, String reason,
            UnaryOperator<Application> change) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (move.requiresReason() && why == null) {
            throw new ValidationException("access.reason_required", "Say why: the applicant reads it.",
                    java.util.List.of(new ValidationException.FieldError("reason", "required")));
        }
        Instant now = clock.instant();
        Application next = change.apply(current.moved(move.to(), now));
        repository.updateState(next);
        repository.recordChange(current.id(), move.action(), current.status(), move.to(), actor, why, now);
        if (move.to() != current.status()) {
            events.publishEvent(new ApplicationStatusChanged(current.id(), move.to(), now));
        }
        events.publishEvent(new ApplicationMoved(next, move.action(), current.status(), Optional.ofNullable(why)));
        AuditRecord record = AuditRecord.success("access.application_" + move.action(), "application", current.id())
                .with("from", current.status()).with("to", move.to()).with("kind", current.kind());
        audit.record(actor.isPresent() ? record : record.by("system"));
        return next;
    }
}
