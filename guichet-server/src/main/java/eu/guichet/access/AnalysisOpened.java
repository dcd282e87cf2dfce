package eu.guichet.access;

import java.time.Instant;
import java.util.Set;

import eu.guichet.security.UserId;

/**
 * An HDAB analyst took a statistical answer in preparation (EHDS Art. 69, Art. 68(3)): the data plane prepares the
 * analysis's extract, the workspace opens for the analyst. Published again, with the new analyst, when another analyst
 * takes the answer over. Carries ids and the scope, never row data.
 *
 * @param analysisId identifies the analysis the way a permit id identifies a permit (its extract, its workspace)
 * @param scope      the request's scope: pseudonymised, opt-outs applied as of the first assignment
 * @param analysts   who works in the analysis's workspace
 * @param validUntil the analysis ends at this instant at the latest (exclusive), or when the answer is released
 */
public record AnalysisOpened(PermitId analysisId, ApplicationId applicationId, PermitScope scope,
        Set<UserId> analysts, Instant validUntil) {
}
