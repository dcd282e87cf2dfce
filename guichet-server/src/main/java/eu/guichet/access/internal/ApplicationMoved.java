package eu.guichet.access.internal;

import java.util.Optional;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationStatus;

/**
 * Inside the access module only: an application made a move of its lifecycle (also a move that keeps its status,
 * such as {@code extend}). Published in the move's transaction, before its audit event; the notices listen to it.
 *
 * @param application the application after the move
 * @param action      the move's name in {@code ApplicationLifecycle}
 * @param from        the status before the move
 * @param reason      what the actor wrote (shown to the applicant), if anything
 */
public record ApplicationMoved(Application application, String action, ApplicationStatus from,
        Optional<String> reason) {
}
