package eu.guichet.ingest.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.dataplane.tabular.DeliveryException;
import eu.guichet.dataplane.tabular.DeliveryObserver;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.TableSchemaException;
import eu.guichet.ingest.Delivery;
import eu.guichet.ingest.DeliveryId;
import eu.guichet.ingest.DeliveryStatus;
import eu.guichet.problem.ValidationException;

/**
 * Processes deliveries in the background on a bounded pool ({@code guichet.ingest.workers} threads; the others wait
 * in line), one delivery of a dataset at a time. At start, deliveries left RECEIVED or PROCESSING by a stop or a crash
 * are queued again: the data plane discards the interrupted run's staging area and starts again from the stored
 * files, so nothing half-written is ever visible. A stop interrupts running deliveries and leaves them PROCESSING.
 */
@Component
public class DeliveryWorkers {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final long PROGRESS_EVERY = 10_000;

    private final DeliveryRepository repository;
    private final DeliveryTransitions transitions;
    private final DeliveryFiles files;
    private final DataPlaneRun dataPlane;
    private final ExecutorService pool;
    private final ConcurrentHashMap<DatasetId, Object> datasetLocks = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    DeliveryWorkers(DeliveryRepository repository, DeliveryTransitions transitions, DeliveryFiles files,
            DataPlaneRun dataPlane, IngestProperties settings) {
        this.repository = repository;
        this.transitions = transitions;
        this.files = files;
        this.dataPlane = dataPlane;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "delivery-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Queues a delivery (after the transaction that recorded it committed). */
    public void submit(DeliveryId id) {
        pool.execute(() -> process(id));
    }

    /** Resumes what a stop or a crash interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        var pending = repository.listByStatus(DeliveryStatus.RECEIVED, DeliveryStatus.PROCESSING);
        if (!pending.isEmpty()) {
            log.info("Resuming {} interrupted deliveries", pending.size());
        }
        pending.forEach(this::submit);
    }

    void process(DeliveryId id) {
        Optional<Delivery> started;
        try {
            started = transitions.start(id);
        } catch (RuntimeException e) {
            log.warn("Delivery {} could not start ({})", id, e.getClass().getSimpleName());
            return;
        }
        if (started.isEmpty()) {
            return;
        }
        Delivery d = started.get();
        Path dir = files.delivery(id);
        synchronized (datasetLocks.computeIfAbsent(d.dataset(), k -> new Object())) {
            DeliveryStatus end = run(d, dir);
            if (end != DeliveryStatus.PROCESSING) {
                // processed: the delivered files (raw identifiers) are not kept
                DeliveryFiles.deleteTree(dir);
            }
        }
    }

    private DeliveryStatus run(Delivery d, Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                throw new DeliveryException("The files of delivery " + d.id() + " are missing");
            }
            var csv = repository.csvSettings(d.id());
            DeliveryReport report = dataPlane.run(d.dataset().toString(), d.holder().toString(), d.format(), dir,
                    csv.identifiers(), csv.delimiter(), new Progress(d.id()));
            return transitions.finish(d.id(), report);
        } catch (ValidationException | TableSchemaException | IllegalArgumentException e) {
            transitions.end(d.id(), DeliveryStatus.REJECTED, e.getMessage());
            return DeliveryStatus.REJECTED;
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Delivery {} interrupted by the stop; it resumes at the next start", d.id());
                return DeliveryStatus.PROCESSING;
            }
            // DeliveryException messages name datasets, tables and counts only; other exceptions: their class only
            String problem = e instanceof DeliveryException ? e.getMessage() : e.getClass().getSimpleName();
            log.warn("Delivery {} failed: {}", d.id(), problem);
            transitions.end(d.id(), DeliveryStatus.FAILED, problem);
            return DeliveryStatus.FAILED;
        }
    }

    /** Records read so far, written every {@value #PROGRESS_EVERY} records for the progress display. */
    private final class Progress implements DeliveryObserver {
        private final DeliveryId id;
        private final ConcurrentHashMap<String, Long> byTable = new ConcurrentHashMap<>();
        private long total;

        Progress(DeliveryId id) {
            this.id = id;
        }

        @Override
        public void recordRead(String table, long records) {
            byTable.put(table, records);
            if (++total % PROGRESS_EVERY == 0) {
                repository.updateProgress(id, byTable.values().stream().mapToLong(Long::longValue).sum());
            }
            if (stopping) {
                throw new DeliveryException("Delivery " + id + " stopped");
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
