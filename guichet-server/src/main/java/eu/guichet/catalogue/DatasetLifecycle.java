package eu.guichet.catalogue;

import static eu.guichet.catalogue.DatasetStatus.DRAFT;
import static eu.guichet.catalogue.DatasetStatus.PUBLISHED;
import static eu.guichet.catalogue.DatasetStatus.RETIRED;
import static eu.guichet.catalogue.DatasetStatus.SUBMITTED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed moves of a dataset description and who may make each: one table. The state diagram in
 * docs/reference/dataset-lifecycle.md is generated from it ({@code DatasetLifecycleTest}).
 */
public final class DatasetLifecycle {

    /** Who may make a move: the holder of the dataset (its data-holder staff), or the HDAB's catalogue staff. */
    public enum Actor {
        HOLDER, HDAB
    }

    /**
     * One allowed move.
     *
     * @param requiresConformance the description must have no SHACL violation at its access level
     * @param requiresReason      the actor must say why (shown to the holder)
     */
    public record Move(DatasetStatus from, DatasetStatus to, Set<Actor> actors, String action,
            boolean requiresConformance, boolean requiresReason) {
    }

    private static final List<Move> MOVES = List.of(
            new Move(DRAFT, SUBMITTED, Set.of(Actor.HOLDER), "submit", true, false),
            new Move(SUBMITTED, DRAFT, Set.of(Actor.HOLDER), "withdraw", false, false),
            new Move(SUBMITTED, DRAFT, Set.of(Actor.HDAB), "return", false, true),
            new Move(SUBMITTED, PUBLISHED, Set.of(Actor.HDAB), "publish", true, false),
            new Move(PUBLISHED, RETIRED, Set.of(Actor.HOLDER, Actor.HDAB), "retire", false, true),
            new Move(RETIRED, DRAFT, Set.of(Actor.HOLDER), "reopen", false, false));

    private static final Map<DatasetStatus, List<Move>> FROM = new EnumMap<>(DatasetStatus.class);

    static {
        for (DatasetStatus s : DatasetStatus.values()) {
            FROM.put(s, MOVES.stream().filter(m -> m.from() == s).toList());
        }
    }

    private DatasetLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    /** The moves out of a status. */
    public static List<Move> from(DatasetStatus status) {
        return FROM.get(status);
    }

    /** The move named {@code action} out of {@code status} that {@code actor} may make, if any. */
    public static java.util.Optional<Move> find(DatasetStatus status, String action, Actor actor) {
        return from(status).stream().filter(m -> m.action().equals(action) && m.actors().contains(actor))
                .findFirst();
    }

    /** Whether any actor may make the move named {@code action} out of {@code status}. */
    public static boolean exists(DatasetStatus status, String action) {
        return from(status).stream().anyMatch(m -> m.action().equals(action));
    }
}
