package eu.guichet.bench;

import java.util.Locale;

import eu.guichet.dataplane.tabular.DeliveryObserver;

/**
 * Where a delivery's time goes, from its progress events (the ones a progress bar gets): before the first record (file
 * hashes, work database), reading and staging the records (parse, checks, appender), then up to the publication
 * (pseudonym map, joins, Parquet), and the publication itself (fsync, rename). Costs one clock read per record.
 */
final class Phases implements DeliveryObserver {

    private long start;
    private long firstRecord;
    private long lastRecord;
    private long beforePublish;

    void start() {
        start = System.nanoTime();
        firstRecord = 0;
        lastRecord = 0;
        beforePublish = 0;
    }

    @Override
    public void recordRead(String table, long records) {
        long now = System.nanoTime();
        if (firstRecord == 0) {
            firstRecord = now;
        }
        lastRecord = now;
    }

    @Override
    public void beforePublish(String datasetId, String version) {
        beforePublish = System.nanoTime();
    }

    /** The phases of the delivery that just ended, in seconds. */
    String finish() {
        long end = System.nanoTime();
        return String.format(Locale.ROOT, "hash+setup %.2f, parse+stage %.2f, pseudonymise+Parquet %.2f, publish %.2f",
                (firstRecord - start) / 1e9, (lastRecord - firstRecord) / 1e9, (beforePublish - lastRecord) / 1e9,
                (end - beforePublish) / 1e9);
    }
}
