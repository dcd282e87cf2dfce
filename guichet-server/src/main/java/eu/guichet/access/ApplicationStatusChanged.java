package eu.guichet.access;

import java.time.Instant;

/** An application moved in its lifecycle (the register shows the current status). */
public record ApplicationStatusChanged(ApplicationId applicationId, ApplicationStatus status, Instant at) {
}
