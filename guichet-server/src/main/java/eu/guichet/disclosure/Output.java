package eu.guichet.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.access.PermitId;
import eu.guichet.security.UserId;
import eu.guichet.workspace.WorkspaceId;

/**
 * A request to release an output, as its reader may see it. {@code cells} holds every cell with its outcome and
 * reasons; values only for output checkers. {@code checkError} is a code when the checks could not run.
 */
public record Output(OutputId id, WorkspaceId workspaceId, PermitId permitId, UUID savedQueryId,
        String savedQueryName, String description, TableSpec table, OutputStatus status, int round,
        UserId requestedBy, Instant requestedAt, Instant updatedAt, Optional<String> checkError,
        Optional<CheckSummary> summary, List<CellCheck> cells, List<OutputReview> reviews, Optional<String> sha256,
        Optional<Instant> releasedAt) {

    /** How many cells, how many hidden, how many need a checker's eye. */
    public record CheckSummary(int cells, int hidden, int review) {
    }

    public long approvals() {
        return reviews.stream().filter(r -> r.round() == round && r.decision() == ReviewDecision.APPROVE).count();
    }

    /** The cells that are not simply released (a reason at least). */
    public List<CellCheck> findings() {
        return cells.stream().filter(c -> !c.reasons().isEmpty()).toList();
    }
}
