package eu.guichet.transparency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.PermitId;

/**
 * A permit as the register shows it: its datasets, validity, current status and, once processing ended, the results
 * due within 18 months (EHDS Art. 61).
 *
 * @param endedAt       when processing ended (revocation or expiry)
 * @param resultsDueAt  results must be published before this instant: 18 months after the end of processing (the
 *                      planned end while the permit runs)
 * @param overdue       results due and none declared
 * @param releasedOutputs outputs released from the permit's workspace after output control (module disclosure)
 */
public record RegisterPermit(PermitId id, ApplicationId applicationId, int version, PermitStatus status,
        List<RegisterDataset> datasets, Instant grantedAt, Instant validUntil, Instant changedAt,
        Optional<String> revocationReason, Optional<Instant> endedAt, Instant resultsDueAt,
        List<ResultPublication> results, boolean overdue,
        int releasedOutputs) {
}
