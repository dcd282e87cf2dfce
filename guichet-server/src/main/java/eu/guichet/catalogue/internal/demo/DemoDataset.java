package eu.guichet.catalogue.internal.demo;

import eu.guichet.catalogue.DatasetDescription;

/**
 * A dataset of the demo catalogue and the key of the holder organisation that describes it (one of
 * {@link DemoAgents#HOLDER_KEYS}).
 */
public record DemoDataset(String holderKey, DatasetDescription description) {
}
