package eu.guichet.audit.internal;

import java.util.Iterator;
import java.util.Optional;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.ChainVerification;
import eu.guichet.audit.ChainVerification.BrokenLink;

/**
 * One pass over the stored chain, in sequence order, beside the anchors (also in sequence order): a merge of two
 * streams, so neither the table nor the anchor file is ever held in memory. Remembers the first broken link:
 * <ol>
 * <li>{@code missing}: a sequence number is skipped (an event was deleted, or moved);</li>
 * <li>{@code previous_hash_mismatch}: the event does not carry the hash of the one before (reordered, or a forged
 * event inserted);</li>
 * <li>{@code hash_mismatch}: the event's fields no longer give its hash (altered), or cannot be read at all;</li>
 * <li>{@code anchor_mismatch}: the event is consistent with the chain but differs from the hash anchored outside the
 * database for its sequence number (history rewritten with recomputed hashes);</li>
 * <li>{@code truncated}: the table ends before the newest anchor (the newest events were deleted).</li>
 * </ol>
 */
final class ChainWalk {

    private final Iterator<AuditAnchors.Anchor> anchors;
    private AuditAnchors.Anchor pendingAnchor;
    private long newestAnchor;

    private long expected = 1;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private long lastSequence;
    private String lastHash = AuditChain.GENESIS;
    private Optional<BrokenLink> broken = Optional.empty();

    /** @param anchors the anchors, in strictly increasing sequence order */
    ChainWalk(Iterator<AuditAnchors.Anchor> anchors) {
        this.anchors = anchors;
    }

    void check(AuditEvent event) {
        lastSequence = event.sequence();
        lastHash = event.hash();
        if (broken.isPresent()) {
            return;
        }
        if (event.sequence() != expected) {
            brokenAt(expected, "missing",
                    "Event " + expected + " is missing: the next stored event is " + event.sequence() + ".");
        } else if (!event.previousHash().equals(previousHash)) {
            brokenAt(event.sequence(), "previous_hash_mismatch",
                    "Event " + event.sequence() + " does not link to event " + (event.sequence() - 1) + ".");
        } else if (!AuditChain.hash(event).equals(event.hash())) {
            brokenAt(event.sequence(), "hash_mismatch",
                    "Event " + event.sequence() + " was altered after it was written.");
        } else if (anchoredHash(event.sequence()).filter(anchored -> !anchored.equals(event.hash())).isPresent()) {
            brokenAt(event.sequence(), "anchor_mismatch", "Event " + event.sequence()
                    + " differs from the hash anchored outside the database: the chain was rewritten.");
        } else {
            checked++;
            expected++;
            previousHash = event.hash();
        }
    }

    /** A stored row that cannot be read back as an event (details that are not canonical JSON...). */
    void unreadable(long sequence, String storedHash, String reason) {
        lastSequence = sequence;
        lastHash = storedHash;
        if (broken.isPresent()) {
            return;
        }
        if (sequence != expected) {
            brokenAt(expected, "missing", "Event " + expected + " is missing: the next stored event is " + sequence
                    + ".");
        } else {
            brokenAt(sequence, "hash_mismatch", "Event " + sequence + " was altered after it was written: " + reason
                    + ".");
        }
    }

    /** The report, once every stored event was given to {@link #check} or {@link #unreadable}. */
    ChainVerification finish() {
        while (pendingAnchor != null || anchors.hasNext()) {
            nextAnchor();
        }
        if (broken.isEmpty() && lastSequence < newestAnchor) {
            brokenAt(lastSequence + 1, "truncated", "Events " + (lastSequence + 1) + " to " + newestAnchor
                    + " were anchored outside the database but are missing from the table.");
        }
        return new ChainVerification(broken.isEmpty(), checked, lastSequence, lastHash, newestAnchor, broken);
    }

    /** The hash anchored for this sequence number, if any; anchors of earlier events are passed by. */
    private Optional<String> anchoredHash(long sequence) {
        while (pendingAnchor != null || anchors.hasNext()) {
            AuditAnchors.Anchor anchor = nextAnchor();
            if (anchor.sequence() == sequence) {
                return Optional.of(anchor.hash());
            }
            if (anchor.sequence() > sequence) {
                pendingAnchor = anchor; // for a later event
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private AuditAnchors.Anchor nextAnchor() {
        AuditAnchors.Anchor anchor = pendingAnchor != null ? pendingAnchor : anchors.next();
        pendingAnchor = null;
        newestAnchor = Math.max(newestAnchor, anchor.sequence());
        return anchor;
    }

    private void brokenAt(long sequence, String problem, String explanation) {
        broken = Optional.of(new BrokenLink(sequence, problem, explanation));
    }
}
