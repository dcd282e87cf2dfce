package eu.guichet.identity;

import eu.guichet.security.OrganisationId;

import java.time.Instant;

/**
 * An organisation known to the HDAB.
 *
 * @param identifier           national registration number (e.g. SIREN in France), if known
 * @param publicHealthMandate  a public body entrusted with public-health tasks (EHDS Art. 68(6) accelerated
 *                             assessment, Art. 71 opt-out exceptions)
 */
public record Organisation(OrganisationId id, String name, OrganisationType type, String identifier, String country,
        boolean publicHealthMandate, Instant createdAt) {
}
