package eu.guichet.extract;

import static eu.guichet.extract.ExtractStatus.BUILDING;
import static eu.guichet.extract.ExtractStatus.FAILED;
import static eu.guichet.extract.ExtractStatus.READY;
import static eu.guichet.extract.ExtractStatus.SUPERSEDED;
import static eu.guichet.extract.ExtractStatus.WAITING_DATA;

import java.util.List;

/**
 * The allowed moves of a permit version's extract, as one table. A grant or an amendment creates it (BUILDING, or
 * WAITING_DATA while a dataset has no lake version); every later move is the platform's, except the retry of a failed
 * build by HDAB staff.
 */
public final class ExtractLifecycle {

    /** One allowed move and what triggers it. */
    public record Move(ExtractStatus from, ExtractStatus to, String trigger) {
    }

    private static final List<Move> MOVES = List.of(
            new Move(WAITING_DATA, BUILDING, "the missing datasets' deliveries are accepted"),
            new Move(BUILDING, BUILDING, "the platform restarted during the build: built again from the start"),
            new Move(BUILDING, READY, "the extract and its evidence are written"),
            new Move(BUILDING, FAILED, "the build failed (reason code recorded)"),
            new Move(FAILED, BUILDING, "HDAB staff retry the build"),
            new Move(WAITING_DATA, SUPERSEDED, "the permit was amended before the data arrived"),
            new Move(READY, SUPERSEDED, "the permit was amended: the new version has its own extract"),
            new Move(FAILED, SUPERSEDED, "the permit was amended: the new version has its own extract"));

    private ExtractLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    public static boolean allows(ExtractStatus from, ExtractStatus to) {
        return MOVES.stream().anyMatch(m -> m.from() == from && m.to() == to);
    }
}
