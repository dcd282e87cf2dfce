package eu.guichet.catalogue.internal.search;

import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetPublished;
import eu.guichet.catalogue.DatasetRetired;
import eu.guichet.catalogue.internal.CatalogueRepository;

/**
 * Keeps the index in step with the database: rebuilt from every published dataset when the application has started
 * (before the start-up runners, such as the demo seeding), then updated after each publication or retirement
 * commits, synchronously, so a dataset is searchable when the publishing request returns. Logs counts only.
 */
@Component
class SearchIndexUpdater {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdater.class);

    private final CatalogueIndex index;
    private final CatalogueRepository repository;

    SearchIndexUpdater(CatalogueIndex index, CatalogueRepository repository) {
        this.index = index;
        this.repository = repository;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional(readOnly = true)
    public void rebuild() {
        long started = System.nanoTime();
        int count;
        try (Stream<Dataset> published = repository.streamPublished()) {
            count = index.replaceAll(published.iterator());
        }
        log.info("Catalogue search index rebuilt: {} published datasets in {} ms", count,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** A publication (or a new revision of a published description): index what the database now holds. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void on(DatasetPublished event) {
        followOrRebuild(event.datasetId(), () -> repository.find(event.datasetId())
                .ifPresentOrElse(index::put, () -> index.remove(event.datasetId())));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void on(DatasetRetired event) {
        followOrRebuild(event.datasetId(), () -> index.remove(event.datasetId()));
    }

    /**
     * The change has committed whatever happens here: a failed index update must not turn the publisher's success
     * into an error. The index is rebuilt from the database instead, and the failure logged (id and kind only).
     */
    private void followOrRebuild(DatasetId id, Runnable update) {
        try {
            update.run();
        } catch (RuntimeException e) {
            log.error("Search index not updated for dataset {} ({}); rebuilding it from the database", id,
                    e.getClass().getSimpleName());
            try {
                rebuild();
            } catch (RuntimeException again) {
                log.error("Search index rebuild failed ({}); it is rebuilt at the next start",
                        again.getClass().getSimpleName());
            }
        }
    }
}
