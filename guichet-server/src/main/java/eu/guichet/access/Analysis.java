package eu.guichet.access;

import java.util.Optional;

import eu.guichet.security.UserId;

/**
 * The HDAB analysis in which a statistical answer is computed: what the workspace gate and output control ask about
 * an id that is not a permit's.
 *
 * @param analyst the analyst who prepares the answer now
 * @param open    until the answer is released
 */
public record Analysis(PermitId analysisId, ApplicationId applicationId, Optional<UserId> analyst, boolean open) {
}
