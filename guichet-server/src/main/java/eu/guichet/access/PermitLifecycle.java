package eu.guichet.access;

import static eu.guichet.access.PermitStatus.AMENDED;
import static eu.guichet.access.PermitStatus.EXPIRED;
import static eu.guichet.access.PermitStatus.GRANTED;
import static eu.guichet.access.PermitStatus.RENEWED;
import static eu.guichet.access.PermitStatus.REVOKED;

import java.util.List;
import java.util.Optional;

/**
 * The allowed moves of a permit: one table, the state diagram in docs/reference/application-lifecycle.md is generated
 * from it. Amendments and the one extension are made by an HDAB decider; revocation too, with reasons; expiry by
 * Guichet at the end of the permit's validity.
 */
public final class PermitLifecycle {

    /** One allowed move; {@code byDecider} false: made by Guichet itself. */
    public record Move(PermitStatus from, PermitStatus to, String action, boolean byDecider) {
    }

    private static final List<Move> MOVES = List.of(
            new Move(GRANTED, AMENDED, "amend", true), new Move(AMENDED, AMENDED, "amend", true),
            new Move(RENEWED, AMENDED, "amend", true),
            new Move(GRANTED, RENEWED, "extend", true), new Move(AMENDED, RENEWED, "extend", true),
            new Move(GRANTED, REVOKED, "revoke", true), new Move(AMENDED, REVOKED, "revoke", true),
            new Move(RENEWED, REVOKED, "revoke", true),
            new Move(GRANTED, EXPIRED, "expire", false), new Move(AMENDED, EXPIRED, "expire", false),
            new Move(RENEWED, EXPIRED, "expire", false));

    private PermitLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    public static Optional<Move> find(PermitStatus from, String action) {
        return MOVES.stream().filter(m -> m.from() == from && m.action().equals(action)).findFirst();
    }
}
