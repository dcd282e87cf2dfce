package eu.guichet.ingest.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.guichet.access.HolderRequests;
import eu.guichet.ingest.DeliveryAccepted;

/**
 * A delivery accepted into the lake answers the data requests waiting for its dataset: their provision clock stops
 * (EHDS Art. 60; the holder has provided the data).
 */
@Component
class DataReceived {

    private static final Logger log = LoggerFactory.getLogger(DataReceived.class);

    private final HolderRequests requests;

    DataReceived(HolderRequests requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(DeliveryAccepted event) {
        int n = requests.receivedDataset(event.datasetId());
        if (n > 0) {
            log.info("Dataset {} delivered: {} data requests answered", event.datasetId(), n);
        }
    }
}
