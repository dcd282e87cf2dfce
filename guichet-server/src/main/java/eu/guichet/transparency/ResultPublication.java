package eu.guichet.transparency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import eu.guichet.access.PermitId;

/**
 * A result a permit's users published (EHDS Art. 61): its title, where to read it (a DOI or an address) and when it
 * was published. Who declared it is kept but never shown.
 */
public record ResultPublication(UUID id, PermitId permitId, String title, String reference, LocalDate publishedOn,
        Instant declaredAt) {
}
