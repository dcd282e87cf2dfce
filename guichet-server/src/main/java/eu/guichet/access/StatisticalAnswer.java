package eu.guichet.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import eu.guichet.security.UserId;

/**
 * An anonymised statistical answer the HDAB owes: to a data request it granted (EHDS Art. 69), or to an application it
 * answered in statistical form instead of a permit (Art. 68(3)). An analyst takes it in preparation; the answer leaves
 * through output control, which reports it answered ({@link StatisticalAnswers#answered}).
 *
 * @param dueAt     3 months after the decision (the data request period, counted as statutory periods are)
 * @param outputRef  the output-control reference of the released answer, once answered
 * @param analysisId the analysis (extract and workspace) in which the answer is computed, from the first assignment
 */
public record StatisticalAnswer(ApplicationId applicationId, ApplicationKind kind, String title,
        DecisionOutcome outcome, Instant decidedAt, Instant dueAt, Status status, Optional<UserId> analyst,
        Optional<Instant> assignedAt, Optional<Instant> answeredAt, Optional<String> outputRef,
        Optional<PermitId> analysisId) {

    /** Where the answer stands; the allowed moves are {@link #MOVES}. */
    public enum Status {
        /** Decided, waiting for an analyst. */
        QUEUED,
        /** An analyst prepares it. */
        IN_PREPARATION,
        /** Released through output control. */
        ANSWERED
    }

    /** The one lifecycle table: move name → the statuses it leaves from, and where it goes. */
    public record Move(Set<Status> from, Status to) {
    }

    public static final Map<String, Move> MOVES = Map.of(
            "assign", new Move(Set.of(Status.QUEUED, Status.IN_PREPARATION), Status.IN_PREPARATION),
            "answer", new Move(Set.of(Status.QUEUED, Status.IN_PREPARATION), Status.ANSWERED));

    public boolean isOverdue(Instant now) {
        return status != Status.ANSWERED && !now.isBefore(dueAt);
    }
}
