package eu.guichet.ingest;

import static eu.guichet.ingest.DeliveryStatus.ACCEPTED;
import static eu.guichet.ingest.DeliveryStatus.DUPLICATE;
import static eu.guichet.ingest.DeliveryStatus.FAILED;
import static eu.guichet.ingest.DeliveryStatus.PROCESSING;
import static eu.guichet.ingest.DeliveryStatus.RECEIVED;
import static eu.guichet.ingest.DeliveryStatus.REJECTED;

import java.util.List;

/**
 * The allowed moves of a delivery, as one table. A holder creates a delivery (RECEIVED); every later move is made by
 * the platform's workers. PROCESSING → PROCESSING is the resumption after a restart: the data plane discards what the
 * interrupted run left in staging and starts again from the stored files. The reference page
 * docs/reference/delivery-statuses.md is generated from this table ({@code DeliveryLifecycleTest}).
 */
public final class DeliveryLifecycle {

    /** One allowed move and what triggers it. */
    public record Move(DeliveryStatus from, DeliveryStatus to, String trigger) {
    }

    private static final List<Move> MOVES = List.of(
            new Move(RECEIVED, PROCESSING, "a worker takes the delivery"),
            new Move(PROCESSING, PROCESSING, "the platform restarted during processing: resumed from the stored files"),
            new Move(PROCESSING, ACCEPTED, "a new dataset version is published"),
            new Move(PROCESSING, DUPLICATE, "the same content is already published"),
            new Move(PROCESSING, REJECTED, "the delivery cannot be read as delivered"),
            new Move(PROCESSING, FAILED, "the platform failed to process it"));

    private DeliveryLifecycle() {
    }

    public static List<Move> moves() {
        return MOVES;
    }

    public static List<Move> from(DeliveryStatus status) {
        return MOVES.stream().filter(m -> m.from() == status).toList();
    }

    public static boolean allows(DeliveryStatus from, DeliveryStatus to) {
        return MOVES.stream().anyMatch(m -> m.from() == from && m.to() == to);
    }
}
