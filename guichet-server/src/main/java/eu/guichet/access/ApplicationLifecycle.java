package eu.guichet.access;

import static eu.guichet.access.ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION;
import static eu.guichet.access.ApplicationStatus.AWAITING_CLARIFICATION;
import static eu.guichet.access.ApplicationStatus.DECISION_ISSUED;
import static eu.guichet.access.ApplicationStatus.DRAFT;
import static eu.guichet.access.ApplicationStatus.LAPSED;
import static eu.guichet.access.ApplicationStatus.PRE_SCREENING;
import static eu.guichet.access.ApplicationStatus.PROCESSING;
import static eu.guichet.access.ApplicationStatus.SUBMITTED;
import static eu.guichet.access.ApplicationStatus.WITHDRAWN;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allowed moves of an application or data request and who may make each: one table. The state diagram in
 * docs/reference/application-lifecycle.md is generated from it ({@code ApplicationLifecycleTest}).
 */
public final class ApplicationLifecycle {

    /** Who makes a move. */
    public enum Actor {
        /** The applicant who owns the application. */
        APPLICANT,
        /** An HDAB reviewer of another organisation than the applicant's. */
        REVIEWER,
        /** An HDAB decider of another organisation, who did not assess the application. */
        DECIDER,
        /** Guichet itself: the screening on submission, the lapse of an uncompleted application. */
        SYSTEM
    }

    /**
     * One allowed move.
     *
     * @param requiresReason the actor must say why (shown to the applicant)
     */
    public record Move(ApplicationStatus from, ApplicationStatus to, Set<Actor> actors, String action,
            boolean requiresReason) {
    }

    private static final Set<Actor> APPLICANT = Set.of(Actor.APPLICANT);
    private static final Set<Actor> REVIEWER = Set.of(Actor.REVIEWER);
    private static final Set<Actor> SYSTEM = Set.of(Actor.SYSTEM);

    private static final List<Move> MOVES = List.of(
            new Move(DRAFT, SUBMITTED, APPLICANT, "submit", false),
            new Move(DRAFT, WITHDRAWN, APPLICANT, "withdraw", false),
            new Move(SUBMITTED, PRE_SCREENING, SYSTEM, "screen", false),
            new Move(SUBMITTED, AWAITING_ADDITIONAL_INFORMATION, SYSTEM, "return_incomplete", false),
            new Move(AWAITING_ADDITIONAL_INFORMATION, SUBMITTED, APPLICANT, "submit", false),
            new Move(AWAITING_ADDITIONAL_INFORMATION, WITHDRAWN, APPLICANT, "withdraw", false),
            new Move(AWAITING_ADDITIONAL_INFORMATION, LAPSED, SYSTEM, "lapse", false),
            new Move(PRE_SCREENING, PROCESSING, REVIEWER, "accept", false),
            new Move(PRE_SCREENING, AWAITING_ADDITIONAL_INFORMATION, REVIEWER, "request_information", true),
            new Move(PRE_SCREENING, WITHDRAWN, APPLICANT, "withdraw", false),
            new Move(PROCESSING, PROCESSING, Set.of(Actor.REVIEWER, Actor.DECIDER), "extend", true),
            new Move(PROCESSING, AWAITING_CLARIFICATION, REVIEWER, "ask_clarification", true),
            new Move(PROCESSING, DECISION_ISSUED, Set.of(Actor.DECIDER), "decide", true),
            new Move(PROCESSING, WITHDRAWN, APPLICANT, "withdraw", false),
            new Move(AWAITING_CLARIFICATION, PROCESSING, APPLICANT, "answer", true),
            new Move(AWAITING_CLARIFICATION, WITHDRAWN, APPLICANT, "withdraw", false));

    private static final Map<ApplicationStatus, List<Move>> FROM = new EnumMap<>(ApplicationStatus.class);

    static {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            FROM.put(s, MOVES.stream().filter(m -> m.from() == s).toList());
        }
    }

    private ApplicationLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    /** The moves out of a status. */
    public static List<Move> from(ApplicationStatus status) {
        return FROM.get(status);
    }

    /** The move named {@code action} out of {@code status} that {@code actor} may make, if any. */
    public static Optional<Move> find(ApplicationStatus status, String action, Actor actor) {
        return from(status).stream().filter(m -> m.action().equals(action) && m.actors().contains(actor))
                .findFirst();
    }

    /** The move named {@code action} out of {@code status} that the system makes (the action decides the target). */
    public static Optional<Move> find(ApplicationStatus status, String action) {
        return from(status).stream().filter(m -> m.action().equals(action)).findFirst();
    }

    /** Whether any actor may make the move named {@code action} out of {@code status}. */
    public static boolean exists(ApplicationStatus status, String action) {
        return from(status).stream().anyMatch(m -> m.action().equals(action));
    }
}
