package eu.guichet.dataplane.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.WorkSession;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * Pseudonyms for the distinct raw identifiers of a work database: DuckDB lists the distinct values (spilling to disk
 * when it must), Java computes their HMACs in slices, and appenders write a two-column table {@code raw → pseudonym}
 * that later queries join. The slices go to one thread per core, each with its own appender opened before the query
 * streams (hashing and appending both cost, so both run in parallel); only a few slices are in the heap at a time.
 */
public final class PseudonymMap {

    /** Distinct identifiers are handed to the threads in slices of this size. */
    private static final int SLICE = 16_384;

    private PseudonymMap() {
    }

    /**
     * Creates table {@code mapTable (raw VARCHAR, pseudonym VARCHAR)} from the single-column query
     * {@code distinctValues}, which must return distinct, non-null values. Both names are built by Guichet, never
     * taken from delivered data.
     */
    public static void create(WorkSession session, Pseudonymiser pseudonymiser, IdentifierDomain domain,
            String distinctValues, String mapTable) {
        session.execute("CREATE TABLE " + mapTable + " (raw VARCHAR, pseudonym VARCHAR)");
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        List<String> noMore = List.of();
        BlockingQueue<List<String>> slices = new ArrayBlockingQueue<>(workers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch opened = new CountDownLatch(workers);
        try {
            for (int w = 0; w < workers; w++) {
                Thread thread = new Thread(() -> {
                    boolean counted = false;
                    try (Appender appender = session.append(WorkSession.MAIN, mapTable)) {
                        opened.countDown();
                        counted = true;
                        for (List<String> slice = slices.take(); slice != noMore; slice = slices.take()) {
                            if (failure.get() == null) {
                                for (String raw : slice) {
                                    appender.row(raw, pseudonymiser.pseudonym(domain, raw));
                                }
                            }
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        if (!counted) {
                            opened.countDown();
                        }
                    }
                }, "guichet-pseudonyms-" + w);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            try {
                opened.await(); // every appender is open before the query streams on the session
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException("Pseudonymisation interrupted");
            }
            rethrow(failure.get());
            List<List<String>> current = new ArrayList<>(List.of(new ArrayList<>(SLICE)));
            session.forEachRow(distinctValues, row -> {
                current.get(0).add(row.string(1));
                if (current.get(0).size() == SLICE) {
                    hand(slices, current.get(0), failure);
                    current.set(0, new ArrayList<>(SLICE));
                }
            });
            hand(slices, current.get(0), failure);
        } finally {
            boolean interrupted = Thread.interrupted();
            for (Thread thread : threads) { // each thread stops at the first end marker it takes
                while (thread.isAlive()) {
                    try {
                        slices.offer(noMore, 20, TimeUnit.MILLISECONDS);
                        thread.join(20);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow(failure.get());
    }

    /** Hands a slice to the threads, waiting for room; throws when one of them failed. */
    private static void hand(BlockingQueue<List<String>> slices, List<String> slice, AtomicReference<Throwable> failure) {
        try {
            while (!slices.offer(slice, 50, TimeUnit.MILLISECONDS)) {
                rethrow(failure.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Pseudonymisation interrupted");
        }
        rethrow(failure.get());
    }

    private static void rethrow(Throwable t) {
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
