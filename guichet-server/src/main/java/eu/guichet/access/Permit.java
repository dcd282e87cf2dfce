package eu.guichet.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A data permit (EHDS Art. 68) as it stands: its current version's terms; older versions are archived
 * ({@link PermitManagement#versions}).
 *
 * @param validUntil          the permit ends at this instant (exclusive)
 * @param extended            it was extended once (at most once, Art. 68(12))
 * @param extensionRequested  when the user asked for the extension (at least one month before expiry)
 */
public record Permit(PermitId id, ApplicationId applicationId, PermitStatus status, int version, PermitTerms terms,
        Instant grantedAt, Instant validUntil, boolean extended, Optional<Instant> extensionRequested,
        Optional<Integer> extensionMonths, Optional<String> revocationReason, Optional<Instant> closedAt) {

    Permit with(PermitStatus newStatus, int newVersion, PermitTerms newTerms) {
        return new Permit(id, applicationId, newStatus, newVersion, newTerms, grantedAt, validUntil, extended,
                extensionRequested, extensionMonths, revocationReason, closedAt);
    }

    Permit extensionRequestedAt(Instant at, int months) {
        return new Permit(id, applicationId, status, version, terms, grantedAt, validUntil, extended,
                Optional.of(at), Optional.of(months), revocationReason, closedAt);
    }

    Permit extendedUntil(Instant newEnd) {
        return new Permit(id, applicationId, PermitStatus.RENEWED, version, terms, grantedAt, newEnd, true,
                extensionRequested, extensionMonths, revocationReason, closedAt);
    }

    Permit closed(PermitStatus end, Optional<String> reason, Instant at) {
        return new Permit(id, applicationId, end, version, terms, grantedAt, validUntil, extended,
                extensionRequested, extensionMonths, reason, Optional.of(at));
    }

    public boolean isActive(Instant at) {
        return status.isActive() && at.isBefore(validUntil);
    }

    public boolean hasMember(eu.guichet.security.UserId user) {
        return terms.memberIds().contains(user);
    }
}
