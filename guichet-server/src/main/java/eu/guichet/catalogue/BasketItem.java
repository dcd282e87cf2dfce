package eu.guichet.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * A dataset in a user's basket, with the variables they chose ({@code TABLE.COLUMN}); an application form starts
 * from the basket.
 */
public record BasketItem(DatasetId datasetId, String identifier, LocalizedText title, List<String> variables,
        Instant addedAt) {
}
