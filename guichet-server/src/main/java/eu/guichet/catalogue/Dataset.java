package eu.guichet.catalogue;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.security.OrganisationId;

/**
 * A dataset of the catalogue: its description, who holds it, where it stands.
 *
 * @param holder        the data holder organisation responsible for the description (custodian); empty for an
 *                      entry imported from another catalogue and not yet assigned
 * @param revision      incremented at each saved change of the description
 * @param lastCheckedAt when the holder last confirmed the description is accurate (EHDS Art. 60: at least yearly)
 */
public record Dataset(DatasetId id, DatasetStatus status, Optional<OrganisationId> holder,
        DatasetDescription description, int revision, Instant createdAt, Instant updatedAt,
        Optional<Instant> publishedAt, Instant lastCheckedAt) {
}
