package eu.guichet.audit.internal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.ChainVerification;

/**
 * Recomputes the chain from the first event and compares it with the anchors written outside the database (see
 * {@link ChainWalk} for what each broken link means). Streams both the table and the anchor file, so a chain of any
 * length verifies in constant memory.
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
        // Measured before the table is read: anchors are appended after their commit, so every anchor within these
        // bytes is of an event the table read below must contain. Anchors appended while the walk runs are of
        // events committed after its snapshot, and are left out.
        long anchoredBytes = anchors.size();
        try (AuditAnchors.Reader anchored = anchors.read(anchoredBytes)) {
            ChainWalk walk = new ChainWalk(anchored);
            log.forEach(new AuditLog.Visitor() {
                @Override
                public void event(AuditEvent event) {
                    walk.check(event);
                }

                @Override
                public void unreadable(long sequence, String storedHash, String reason) {
                    walk.unreadable(sequence, storedHash, reason);
                }
            });
            return walk.finish();
        }
    }
}
