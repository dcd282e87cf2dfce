package eu.guichet.audit;

import java.util.Optional;

/**
 * The result of recomputing the audit chain and comparing it with the anchors kept outside the database.
 *
 * @param intact          no broken link was found
 * @param eventsChecked   events read before the first broken link (all of them when intact)
 * @param headSequence    sequence number of the newest event in the table (0 when empty)
 * @param headHash        hash of the newest event in the table
 * @param anchoredSequence newest sequence number recorded outside the database
 * @param firstBrokenLink where the chain first breaks, if it does
 */
public record ChainVerification(boolean intact, long eventsChecked, long headSequence, String headHash,
        long anchoredSequence, Optional<BrokenLink> firstBrokenLink) {

    /**
     * @param sequence the sequence number at which the chain breaks
     * @param problem  a stable code: {@code missing}, {@code previous_hash_mismatch}, {@code hash_mismatch},
     *                 {@code anchor_mismatch} or {@code truncated}
     */
    public record BrokenLink(long sequence, String problem, String explanation) {
    }
}
