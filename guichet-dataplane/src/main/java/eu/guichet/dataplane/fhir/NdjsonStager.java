package eu.guichet.dataplane.fhir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.tabular.DeliveryException;
import eu.guichet.dataplane.tabular.DeliveryObserver;

/**
 * Stages a bulk export's NDJSON files into the work tables {@code s_<view>} of {@link FhirDeliveryProcessor}: each
 * file streamed line by line through its own {@link ResourceFlattener} and appender, and offered to its table's
 * profile validation sample. Up to {@code threads} files are staged at once, the largest first (the engine lets the
 * appenders of one session write on their own threads); a file's rows are appended in its line order by one thread,
 * so the tables are the same whatever the number of threads. The observer is called from one thread at a time.
 */
final class NdjsonStager {

    private static final int INTERRUPT_CHECK_EVERY = 1024;

    private final WorkSession session;
    private final JsonFactory json;
    private final DeliveryObserver observer;

    NdjsonStager(WorkSession session, JsonFactory json, DeliveryObserver observer) {
        this.session = session;
        this.json = json;
        this.observer = observer;
    }

    /** Stages each view's file of {@code directory}; answers the records read per view name. */
    Map<String, Long> stage(Path directory, List<FhirView> views, Map<String, ResourceSample> samples, int threads) {
        for (FhirView v : views) {
            FhirDeliveryProcessor.createStaged(session, v);
        }
        Map<String, Long> read = new TreeMap<>();
        int parallel = Math.min(threads, views.size());
        if (parallel <= 1) {
            for (FhirView v : views) {
                read.put(v.name(), stage(v, directory.resolve(v.fileName()), samples.get(v.name()), observer));
            }
            return read;
        }
        DeliveryObserver serial = new SerialObserver(observer);
        List<FhirView> largestFirst = new ArrayList<>(views);
        largestFirst.sort(Comparator.comparingLong((FhirView v) -> size(directory.resolve(v.fileName()))).reversed()
                .thenComparing(FhirView::name));
        ExecutorService pool = Executors.newFixedThreadPool(parallel, task -> {
            Thread t = new Thread(task, "guichet-fhir-stage");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Map.Entry<String, Long>> done = new ExecutorCompletionService<>(pool);
            for (FhirView v : largestFirst) {
                done.submit(() -> Map.entry(v.name(),
                        stage(v, directory.resolve(v.fileName()), samples.get(v.name()), serial)));
            }
            for (int i = 0; i < largestFirst.size(); i++) {
                Map.Entry<String, Long> staged = result(done.take());
                read.put(staged.getKey(), staged.getValue());
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("FHIR delivery interrupted while staging", e);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** Streams one NDJSON file into {@code s_<view>}; returns the records read (blank lines are not records). */
    private long stage(FhirView view, Path file, ResourceSample sample, DeliveryObserver observer) {
        ResourceFlattener flattener = new ResourceFlattener(view, json);
        long records = 0;
        long lineNumber = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                Appender appender = session.append(WorkSession.MAIN, "s_" + view.name())) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                records++;
                FhirDeliveryProcessor.append(appender, lineNumber, flattener.flatten(line), view);
                if (sample != null) {
                    sample.offer(line);
                }
                observer.recordRead(view.name(), records);
                if (records % INTERRUPT_CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                    throw new DeliveryException("Table " + view.name() + ": delivery interrupted");
                }
            }
        } catch (IOException e) {
            throw new DeliveryException("Table " + view.name() + ": cannot read " + file.getFileName(), e);
        }
        return records;
    }

    private static <T> T result(Future<T> staged) throws InterruptedException {
        try {
            return staged.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DeliveryException("Staging failed", e.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            // the tasks stop at their next interrupt check; their appenders close as they leave
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Passes the calls on from one thread at a time. */
    private record SerialObserver(DeliveryObserver observer) implements DeliveryObserver {

        @Override
        public synchronized void recordRead(String table, long records) {
            observer.recordRead(table, records);
        }

        @Override
        public synchronized void beforePublish(String datasetId, String version) {
            observer.beforePublish(datasetId, version);
        }
    }
}
