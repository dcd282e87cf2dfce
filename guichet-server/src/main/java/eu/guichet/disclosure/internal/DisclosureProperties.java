package eu.guichet.disclosure.internal;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import eu.guichet.dataplane.disclosure.DisclosureConfig;

/**
 * Output control's rules and files, from {@code guichet.disclosure.*} (docs/reference/configuration.md).
 *
 * @param dir          what the HDAB keeps of each request: the check results with the true values, the table to
 *                     release, and the kept release (hidden cells' true values) for later differencing; never served
 * @param outputsDir   released files, each under its SHA-256
 * @param profile      DEFAULT, FRANCE or OPENSAFELY (docs/explanation/output-control.md); FRANCE by default
 * @param minimumCount overrides the profile's threshold when set (likewise the other overrides)
 * @param checkWait    how long a request waits for its checks before they finish in the background
 * @param checkThreads checks running at once
 */
@ConfigurationProperties("guichet.disclosure")
public record DisclosureProperties(Path dir, Path outputsDir, @DefaultValue("FRANCE") String profile,
        Integer minimumCount, Integer dominanceN, Double dominanceK, Double pPercent,
        DisclosureConfig.Rounding rounding, @DefaultValue("10s") java.time.Duration checkWait,
        @DefaultValue("2") int checkThreads) {

    /** The profile with the overrides applied. */
    public DisclosureConfig config() {
        DisclosureConfig c = switch (profile.toUpperCase(Locale.ROOT)) {
            case "DEFAULT" -> DisclosureConfig.DEFAULT;
            case "FRANCE" -> DisclosureConfig.FRANCE;
            case "OPENSAFELY" -> DisclosureConfig.OPENSAFELY;
            default -> throw new IllegalArgumentException("guichet.disclosure.profile: DEFAULT, FRANCE or OPENSAFELY");
        };
        if (minimumCount != null) {
            c = c.withMinimumCount(minimumCount);
        }
        if (dominanceN != null || dominanceK != null) {
            c = c.withDominance(dominanceN == null ? c.dominanceN() : dominanceN,
                    dominanceK == null ? c.dominanceK() : dominanceK);
        }
        if (pPercent != null) {
            c = c.withPPercent(pPercent);
        }
        if (rounding != null) {
            c = c.withRounding(rounding);
        }
        return c;
    }
}
