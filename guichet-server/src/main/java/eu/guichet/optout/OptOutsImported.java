package eu.guichet.optout;

import java.time.Instant;

/**
 * The HDAB imported opt-outs in bulk: one event per import (not one per person: an import can hold millions), with
 * its counts. Never an identifier, never a pseudonym.
 */
public record OptOutsImported(OptOutImportId importId, long registered, Instant effectiveAt) {
}
