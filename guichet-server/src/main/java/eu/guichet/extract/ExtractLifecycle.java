package eu.guichet.extract;

import static eu.guichet.extract.ExtractStatus.BUILDING;
import static eu.guichet.extract.ExtractStatus.DELETED;
import static eu.guichet.extract.ExtractStatus.FAILED;
import static eu.guichet.extract.ExtractStatus.READY;
import static eu.guichet.extract.ExtractStatus.SUPERSEDED;
import static eu.guichet.extract.ExtractStatus.WAITING_DATA;

import java.util.List;

/**
 * The allowed moves of a permit version's extract, as one table. A grant or an amendment creates it (BUILDING, or
 * WAITING_DATA while a dataset has no lake version); every later move is the platform's, except the retry of a failed
 * build by HDAB staff. A build in progress is never deleted: it is deleted at the sweep after it ends.
 */
public final class ExtractLifecycle {

    /** One allowed move and what triggers it. */
    public record Move(ExtractStatus from, ExtractStatus to, String trigger) {
    }

    private static final String RETENTION = "the permit was revoked or expired longer than the retention period"
            + " ago: the files are deleted";

    private static final List<Move> MOVES = List.of(
            new Move(WAITING_DATA, BUILDING, "the missing datasets' deliveries are accepted"),
            new Move(BUILDING, BUILDING, "the platform restarted during the build: built again from the start"),
            new Move(BUILDING, READY, "the extract and its evidence are written"),
            new Move(BUILDING, FAILED, "the build failed (reason code recorded)"),
            new Move(FAILED, BUILDING, "HDAB staff retry the build"),
            new Move(WAITING_DATA, SUPERSEDED, "the permit was amended before the data arrived"),
            new Move(READY, SUPERSEDED, "the permit was amended: the new version has its own extract"),
            new Move(FAILED, SUPERSEDED, "the permit was amended: the new version has its own extract"),
            new Move(WAITING_DATA, DELETED, RETENTION),
            new Move(READY, DELETED, RETENTION),
            new Move(FAILED, DELETED, RETENTION),
            new Move(SUPERSEDED, DELETED, RETENTION));

    private ExtractLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    public static boolean allows(ExtractStatus from, ExtractStatus to) {
        return MOVES.stream().anyMatch(m -> m.from() == from && m.to() == to);
    }
}
