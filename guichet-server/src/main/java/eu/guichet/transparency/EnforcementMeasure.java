package eu.guichet.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.access.PermitId;
import eu.guichet.security.OrganisationId;

/** An enforcement measure in the register (EHDS Art. 57(1)(d), 63): against which organisation, which permit, why. */
public record EnforcementMeasure(UUID id, OrganisationId organisationId, String organisation,
        Optional<PermitId> permitId, EnforcementMeasureKind kind, String description, LocalDate decidedOn,
        Instant recordedAt) {
}
