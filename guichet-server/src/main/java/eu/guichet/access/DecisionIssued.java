package eu.guichet.access;

import java.time.Instant;
import java.util.Optional;

/**
 * The HDAB decided on an application (EHDS Art. 68): the register publishes the decision with its justification
 * within 30 working days (Art. 57(1)(c)).
 *
 * @param documentSha256 SHA-256 of the decision document (HTML), also recorded in the audit trail
 */
public record DecisionIssued(ApplicationId applicationId, DecisionOutcome outcome, String justification,
        Optional<PermitId> permitId, String documentSha256, Instant decidedAt) {
}
