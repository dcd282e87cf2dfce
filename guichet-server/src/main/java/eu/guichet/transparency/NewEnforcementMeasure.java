package eu.guichet.transparency;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An enforcement measure as the HDAB administrator records it.
 *
 * @param permitId    the permit concerned, if any (null for none)
 * @param description what was breached and what was decided, as the register publishes it: no personal data
 */
public record NewEnforcementMeasure(@NotNull UUID organisationId, UUID permitId,
        @NotNull EnforcementMeasureKind kind, @NotBlank @Size(max = 2000) String description,
        @NotNull LocalDate decidedOn) {
}
