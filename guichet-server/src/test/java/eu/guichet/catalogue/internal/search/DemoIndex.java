package eu.guichet.catalogue.internal.search;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.catalogue.internal.demo.DemoAgents;
import eu.guichet.catalogue.internal.demo.DemoCatalogue;
import eu.guichet.catalogue.internal.demo.DemoDataset;

/** Test fixtures: the demo catalogue's seven datasets, published, in an index in memory. */
final class DemoIndex {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private DemoIndex() {
    }

    static List<Dataset> demoDatasets() {
        Map<String, Agent> holders = new LinkedHashMap<>();
        for (String key : DemoAgents.HOLDER_KEYS) {
            holders.put(key, DemoAgents.organisation("Holder " + key, key + "@example.org"));
        }
        DemoAgents agents = new DemoAgents(DemoAgents.organisation("HDAB", "hdab@example.org"), holders);
        return new DemoCatalogue(URI.create("http://localhost:8080")).datasets(agents).stream()
                .map(DemoDataset::description).map(DemoIndex::published).toList();
    }

    static Dataset published(DatasetDescription description) {
        return new Dataset(DatasetId.random(), DatasetStatus.PUBLISHED, Optional.empty(), description, 1, NOW, NOW,
                Optional.of(NOW), NOW);
    }

    static CatalogueIndex of(List<Dataset> datasets) {
        CatalogueIndex index = CatalogueIndex.inMemory();
        index.replaceAll(datasets.iterator());
        return index;
    }
}
