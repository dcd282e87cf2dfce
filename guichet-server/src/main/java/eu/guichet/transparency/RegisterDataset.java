package eu.guichet.transparency;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.LocalizedText;

/**
 * A dataset named in a register entry or a permit, with its catalogue identifier and title as they were when the
 * register learnt of it (the identifier is the dataset id when the catalogue did not know it publicly).
 */
public record RegisterDataset(DatasetId id, String identifier, LocalizedText title) {
}
