package eu.guichet.catalogue;

import java.util.List;
import java.util.Set;

/**
 * A published dataset that matches, with what a result list shows.
 *
 * @param matchedVariables the dataset's variables ({@code TABLE.COLUMN}) the words matched, best first, at most a
 *                         handful: why a dataset came up when its title does not say it
 */
public record SearchHit(DatasetId id, String identifier, LocalizedText title, LocalizedText summary,
        String publisher, AccessRights accessRights, Set<HealthCategory> healthCategories, Period temporalCoverage,
        List<String> matchedVariables, float score) {
}
