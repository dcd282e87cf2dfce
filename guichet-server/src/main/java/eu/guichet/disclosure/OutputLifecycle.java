package eu.guichet.disclosure;

import static eu.guichet.disclosure.OutputStatus.APPROVED;
import static eu.guichet.disclosure.OutputStatus.CHECKED;
import static eu.guichet.disclosure.OutputStatus.CHECK_FAILED;
import static eu.guichet.disclosure.OutputStatus.IN_REVIEW;
import static eu.guichet.disclosure.OutputStatus.REJECTED;
import static eu.guichet.disclosure.OutputStatus.RELEASED;
import static eu.guichet.disclosure.OutputStatus.RETURNED;
import static eu.guichet.disclosure.OutputStatus.SUBMITTED;
import static eu.guichet.disclosure.OutputStatus.WITHDRAWN;

import java.util.List;
import java.util.Optional;

/**
 * The allowed moves of an output request, as one table, each with the audit action that records it and who makes it.
 * docs/reference/output-lifecycle.md lists it.
 */
public final class OutputLifecycle {

    /** One allowed move. */
    public record Move(OutputStatus from, OutputStatus to, String action, String by) {
    }

    private static final List<Move> MOVES = List.of(
            new Move(SUBMITTED, CHECKED, "output.checked", "Guichet, once the automatic checks ran"),
            new Move(SUBMITTED, CHECK_FAILED, "output.check_failed", "Guichet, when the query cannot be checked"),
            new Move(CHECKED, IN_REVIEW, "output.approved_once", "a first output checker approves"),
            new Move(IN_REVIEW, APPROVED, "output.approved", "a second, independent output checker approves"),
            new Move(APPROVED, RELEASED, "output.released", "Guichet stores the file under its SHA-256"),
            new Move(CHECKED, REJECTED, "output.rejected", "an output checker rejects"),
            new Move(IN_REVIEW, REJECTED, "output.rejected", "an output checker rejects"),
            new Move(CHECKED, RETURNED, "output.returned", "an output checker returns it with comments"),
            new Move(IN_REVIEW, RETURNED, "output.returned", "an output checker returns it with comments"),
            new Move(RETURNED, SUBMITTED, "output.resubmitted", "the requester resubmits it"),
            new Move(CHECK_FAILED, SUBMITTED, "output.resubmitted", "the requester resubmits it"),
            new Move(SUBMITTED, WITHDRAWN, "output.withdrawn", "the requester"),
            new Move(CHECKED, WITHDRAWN, "output.withdrawn", "the requester"),
            new Move(CHECK_FAILED, WITHDRAWN, "output.withdrawn", "the requester"),
            new Move(IN_REVIEW, WITHDRAWN, "output.withdrawn", "the requester"),
            new Move(RETURNED, WITHDRAWN, "output.withdrawn", "the requester"));

    private OutputLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    public static Optional<Move> move(OutputStatus from, OutputStatus to) {
        return MOVES.stream().filter(m -> m.from() == from && m.to() == to).findFirst();
    }
}
