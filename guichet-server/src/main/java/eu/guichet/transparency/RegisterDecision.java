package eu.guichet.transparency;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.PermitId;

/**
 * A decision as the register publishes it (EHDS Art. 57(1)(c)): outcome and justification, when it was taken, by
 * when it had to be published (30 working days, {@code DECISION_PUBLICATION}) and when it was.
 */
public record RegisterDecision(DecisionOutcome outcome, String justification, Optional<PermitId> permitId,
        String documentSha256, Instant decidedAt, Instant publicationDueAt, Instant publishedAt) {

    /** Published before its statutory deadline ran out. */
    public boolean isPublishedOnTime() {
        return publishedAt.isBefore(publicationDueAt);
    }
}
