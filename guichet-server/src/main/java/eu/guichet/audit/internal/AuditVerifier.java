package eu.guichet.audit.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.ChainVerification;
import eu.guichet.audit.ChainVerification.BrokenLink;

/**
 * Recomputes the chain from the first event and compares it with the anchors written outside the database. Finds
 * altered events (hash), removed or reordered events (sequence and previous-hash links), a chain rewritten from
 * some point with fresh hashes (anchor mismatch) and removed newest events (table shorter than the newest anchor).
 */
@Service
class AuditVerifier {

    private final AuditLog log;
    private final AuditAnchors anchors;

    AuditVerifier(AuditLog log, AuditAnchors anchors) {
        this.log = log;
        this.anchors = anchors;
    }

    @Transactional(readOnly = true)
    public ChainVerification verify() {
        Map<Long, String> anchored = new HashMap<>();
        long newestAnchor = 0;
        for (AuditAnchors.Anchor anchor : anchors.readAll()) {
            anchored.put(anchor.sequence(), anchor.hash());
            newestAnchor = Math.max(newestAnchor, anchor.sequence());
        }
        Walk walk = new Walk(anchored);
        log.forEach(walk::check);
        Optional<BrokenLink> broken = walk.broken;
        if (broken.isEmpty() && walk.lastSequence < newestAnchor) {
            broken = Optional.of(new BrokenLink(walk.lastSequence + 1, "truncated",
                    "Events " + (walk.lastSequence + 1) + " to " + newestAnchor
                            + " were anchored outside the database but are missing from the table."));
        }
        return new ChainVerification(broken.isEmpty(), walk.checked, walk.lastSequence, walk.lastHash, newestAnchor,
                broken);
    }

    /** Walks the chain once, remembering the first broken link. */
    private static final class Walk {
        private final Map<Long, String> anchored;
        private long expected = 1;
        private String previousHash = AuditChain.GENESIS;
        private long checked;
        private long lastSequence;
        private String lastHash = AuditChain.GENESIS;
        private Optional<BrokenLink> broken = Optional.empty();

        Walk(Map<Long, String> anchored) {
            this.anchored = anchored;
        }

        void check(AuditEvent event) {
            lastSequence = event.sequence();
            lastHash = event.hash();
            if (broken.isPresent()) {
                return;
            }
            if (event.sequence() != expected) {
                broken = Optional.of(new BrokenLink(expected, "missing",
                        "Event " + expected + " is missing: the next stored event is " + event.sequence() + "."));
            } else if (!event.previousHash().equals(previousHash)) {
                broken = Optional.of(new BrokenLink(event.sequence(), "previous_hash_mismatch",
                        "Event " + event.sequence() + " does not link to event " + (event.sequence() - 1) + "."));
            } else if (!AuditChain.hash(event).equals(event.hash())) {
                broken = Optional.of(new BrokenLink(event.sequence(), "hash_mismatch",
                        "Event " + event.sequence() + " was altered after it was written."));
            } else if (anchored.containsKey(event.sequence())
                    && !anchored.get(event.sequence()).equals(event.hash())) {
                broken = Optional.of(new BrokenLink(event.sequence(), "anchor_mismatch",
                        "Event " + event.sequence() + " differs from the hash anchored outside the database: "
                                + "the chain was rewritten."));
            } else {
                checked++;
                expected++;
                previousHash = event.hash();
            }
        }
    }
}
