package eu.guichet.access;

import java.time.Instant;

import eu.guichet.security.UserId;

/**
 * The decision on an application: a document (HTML) whose SHA-256 the audit trail records, so a copy can be checked
 * against what was issued.
 */
public record Decision(ApplicationId applicationId, DecisionOutcome outcome, String justification, UserId decidedBy,
        Instant decidedAt, String document, String documentSha256) {
}
