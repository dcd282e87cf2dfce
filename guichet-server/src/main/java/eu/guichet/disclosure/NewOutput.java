package eu.guichet.disclosure;

import java.util.UUID;

/** A member's request to release the result of a saved query: what it shows, and the table's shape. */
public record NewOutput(UUID savedQueryId, String description, TableSpec table) {
}
