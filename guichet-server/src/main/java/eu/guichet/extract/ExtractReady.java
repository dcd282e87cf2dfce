package eu.guichet.extract;

import java.nio.file.Path;

import eu.guichet.access.PermitId;

/**
 * A permit version's extract is built and its evidence recorded: the workspace attaches {@code database} read-only.
 * Carries ids and paths, never row data.
 *
 * @param version    the permit version the extract was built for
 * @param extractId  the extract's id ({@code <permit>-v<version>}), which also names its evidence
 * @param database   the extract's DuckDB database file
 */
public record ExtractReady(PermitId permitId, int version, String extractId, Path database) {
}
