package eu.guichet.dataplane.tabular;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;

/**
 * Streams one CSV file record by record into two DuckDB tables: {@code <p>staged} (valid records, typed) and
 * {@code <p>rejected} (invalid ones, as text, with their reasons). Nothing but the current records are held in the heap.
 * Removed columns never reach DuckDB; birth dates are cut to their year here; identifiers stay raw until
 * {@link TableIngest} joins their pseudonyms.
 *
 * <p>A file larger than one part, with more than one thread, is cut at record boundaries ({@link CsvSplitter}) and its
 * parts are parsed, checked and appended on {@code threads} threads, each with its own appenders (the tables accept
 * concurrent appends). The result is the serial one exactly: every record keeps its number in the file ({@code _row}),
 * the tables hold the same rows (in another physical order, which no later step relies on), and the counts and issues
 * are the same. The observer is called on the calling thread for every record, counting from 1, as records are staged;
 * interrupting the calling thread stops every part.
 */
final class CsvStager {

    /** Output columns: the schema's fields except the removed ones. */
    record Column(Field field, FieldCheck check, ColumnTreatment treatment, int csvIndex) {
        String stagedType() {
            if (treatment == ColumnTreatment.BIRTH_DATE_TO_YEAR) {
                return "INTEGER";
            }
            return treatment != null && treatment.pseudonymised() ? "VARCHAR" : check.sqlType();
        }
    }

    record Result(long recordsRead, long recordsRejected, List<String> missingColumns, List<String> extraColumns,
            Map<String, Long> issues) {
    }

    /** Default size of the parts parsed in parallel. */
    static final long DEFAULT_PART_BYTES = 16L << 20;

    private static final int INTERRUPT_CHECK_EVERY = 1024;
    /** Parallel parts publish their progress every this many records. */
    private static final int PROGRESS_EVERY = 256;

    private final WorkSession connection;
    private final TableDelivery table;
    private final String prefix;
    private final DeliveryObserver observer;
    private final int threads;
    private final long partBytes;

    CsvStager(WorkSession connection, TableDelivery table, String prefix, DeliveryObserver observer, int threads,
            long partBytes) {
        this.connection = connection;
        this.table = table;
        this.prefix = prefix;
        this.observer = observer;
        this.threads = Math.max(1, threads);
        this.partBytes = partBytes;
    }

    /** The header's layout against the schema, shared (read-only) by every part. */
    private record Layout(int width, List<Column> columns, List<FieldCheck> checks, int[] positions) {
        /** The same layout with its own checks, for another thread. */
        Layout copy() {
            return new Layout(width, columns, checks.stream().map(FieldCheck::copy).toList(), positions);
        }
    }

    /** Reads the file, returning the columns (for the later steps) through {@code columnsOut}. */
    Result stage(List<Column> columnsOut) {
        TableSchema schema = table.schema();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(table.delimiter()).get();
        try {
            List<CsvSplitter.Part> parts = null;
            long headerEnd = 0;
            if (CsvSplitter.splittable(table.delimiter()) && Files.size(table.csvFile()) > partBytes) {
                try (CsvSplitter splitter = new CsvSplitter(table.csvFile(), table.delimiter(), partBytes)) {
                    headerEnd = splitter.headerEnd();
                    parts = splitter.allParts();
                    if (splitter.holdsFffe() || parts.size() < 2) {
                        parts = null; // read whole, by the reference parser
                    }
                }
            }
            return stage(columnsOut, format, parts, headerEnd);
        } catch (IOException | UncheckedIOException e) {
            throw new DeliveryException("Table " + schema.name() + ": the CSV file cannot be read (line structure)", e);
        }
    }

    /**
     * Reads the header, creates the tables, then stages the records: in {@code parts} after {@code headerEnd} in
     * parallel, or, when {@code parts} is null, the whole file on the calling thread with Commons CSV.
     */
    private Result stage(List<Column> columnsOut, CSVFormat format, List<CsvSplitter.Part> parts, long headerEnd) {
        TableSchema schema = table.schema();
        try (CSVParser parser = CSVParser.parse(parts != null ? open(0, headerEnd)
                : Files.newBufferedReader(table.csvFile(), StandardCharsets.UTF_8), format)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new DeliveryException("Table " + schema.name() + ": the file has no header line");
            }
            List<String> header = header(records.next());
            Map<String, Integer> positions = new HashMap<>();
            List<String> extra = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                if (schema.findField(name).isEmpty() || positions.putIfAbsent(name, i) != null) {
                    extra.add(name);
                }
            }
            List<String> missing = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            List<FieldCheck> allChecks = new ArrayList<>();
            int[] allPositions = new int[schema.fields().size()];
            for (Field field : schema.fields()) {
                Integer position = positions.get(field.name());
                if (position == null) {
                    missing.add(field.name());
                }
                FieldCheck check = new FieldCheck(field, schema.missingValues(),
                        schema.primaryKey().contains(field.name()));
                allChecks.add(check);
                allPositions[allChecks.size() - 1] = position == null ? -1 : position;
                ColumnTreatment treatment = table.treatment(field.name());
                if (treatment != ColumnTreatment.REMOVE) {
                    columns.add(new Column(field, check, treatment, allChecks.size() - 1));
                }
            }
            createTables(columns);
            Layout layout = new Layout(header.size(), columns, allChecks, allPositions);
            Counts counts = parts == null ? stageInline(layout, commons(records)) : stageInParallel(layout, parts);
            columnsOut.addAll(columns);
            return new Result(counts.read, counts.rejected, missing, extra, counts.issues);
        } catch (IOException | UncheckedIOException e) {
            throw new DeliveryException("Table " + schema.name() + ": the CSV file cannot be read (line structure)", e);
        } catch (EngineException e) {
            throw new DeliveryException("Table " + schema.name() + ": staging failed", e);
        }
    }

    /** Records read and rejected, and the reasons' counts, of a part (or of the file). */
    private static final class Counts {
        long read;
        long rejected;
        final Map<String, Long> issues = new LinkedHashMap<>();

        void add(Counts other) {
            read += other.read;
            rejected += other.rejected;
            other.issues.forEach((k, v) -> issues.merge(k, v, Long::sum));
        }
    }

    /** One thread, on the calling thread: the observer sees each record as it is staged. */
    private Counts stageInline(Layout layout, Source records) throws IOException {
        Counts counts = new Counts();
        String name = table.schema().name();
        try (Appender staged = connection.append(WorkSession.MAIN, prefix + "staged");
                Appender quarantined = connection.append(WorkSession.MAIN, prefix + "rejected")) {
            new PartStager(layout, staged, quarantined, counts).run(records, 1, read -> {
                observer.recordRead(name, read);
                if (read % INTERRUPT_CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                    throw new DeliveryException("Delivery interrupted while reading " + name);
                }
                return true;
            });
        }
        return counts;
    }

    /**
     * The parts on {@code threads} threads, pulled from a queue the calling thread fills as it scans the file; the
     * calling thread also relays the progress to the observer and watches for interruption and failures. On any
     * failure every thread stops (its appenders closed) before the failure is thrown.
     */
    private Counts stageInParallel(Layout layout, List<CsvSplitter.Part> parts) {
        String name = table.schema().name();
        int workers = Math.min(threads, parts.size());
        BlockingQueue<CsvSplitter.Part> queue = new LinkedBlockingQueue<>();
        CsvSplitter.Part noMore = new CsvSplitter.Part(-1, 0, 0, 0, 0, true);
        AtomicLong progress = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Counts> perWorker = new ArrayList<>();
        List<Thread> started = new ArrayList<>();
        long reported = 0;
        try {
            for (int w = 0; w < workers; w++) {
                Counts counts = new Counts();
                perWorker.add(counts);
                Thread thread = new Thread(() -> {
                    // an appender is used by the thread that opens it
                    try (Appender staged = connection.append(WorkSession.MAIN, prefix + "staged");
                            Appender quarantined = connection.append(WorkSession.MAIN, prefix + "rejected")) {
                        PartStager stager = new PartStager(layout.copy(), staged, quarantined, counts);
                        for (CsvSplitter.Part part = queue.take(); part != noMore && !cancelled.get();
                                part = queue.take()) {
                            stagePart(stager, part, progress, cancelled);
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                        cancelled.set(true);
                    }
                }, "guichet-stage-" + prefix + w);
                thread.setDaemon(true);
                started.add(thread);
                thread.start();
            }
            queue.addAll(parts);
            for (int w = 0; w < workers; w++) {
                queue.add(noMore);
            }
            for (Thread thread : started) {
                while (thread.isAlive()) {
                    thread.join(20);
                    reported = relay(name, progress, reported, failure);
                }
            }
            relay(name, progress, reported, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Delivery interrupted while reading " + name);
        } finally {
            cancelled.set(true);
            for (int w = 0; w < workers; w++) {
                queue.add(noMore);
            }
            joinAll(started);
        }
        Counts total = new Counts();
        perWorker.forEach(total::add);
        return total;
    }

    /** Parses one part, checking that it held as many records as the scan counted. */
    private void stagePart(PartStager stager, CsvSplitter.Part part, AtomicLong progress, AtomicBoolean cancelled)
            throws IOException {
        long[] unpublished = {0};
        long read;
        try (InputStream in = range(part.start(), part.end())) {
            CsvRecordReader reader = new CsvRecordReader(in, table.delimiter());
            List<String> cells = new ArrayList<>();
            Source source = new Source() {
                @Override
                public boolean next() throws IOException {
                    return reader.next(cells);
                }

                @Override
                public int size() {
                    return cells.size();
                }

                @Override
                public String get(int i) {
                    return cells.get(i);
                }
            };
            read = stager.run(source, part.firstRecord(), n -> {
                if (++unpublished[0] == PROGRESS_EVERY) {
                    progress.addAndGet(unpublished[0]);
                    unpublished[0] = 0;
                }
                return !(n % INTERRUPT_CHECK_EVERY == 0 && cancelled.get());
            });
        } finally {
            progress.addAndGet(unpublished[0]);
        }
        if (!part.last() && read != part.records() && !cancelled.get()) {
            throw new IOException("a part does not hold the records its scan counted");
        }
    }

    /**
     * Calls the observer for every record staged since the last call, in order; throws when the calling thread is
     * interrupted or a part failed.
     */
    private long relay(String name, AtomicLong progress, long reported, AtomicReference<Throwable> failure) {
        long now = progress.get();
        while (reported < now) {
            observer.recordRead(name, ++reported);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new DeliveryException("Delivery interrupted while reading " + name);
        }
        Throwable t = failure.get();
        if (t != null) {
            if (t instanceof UncheckedIOException u) {
                throw u;
            }
            if (t instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
        return reported;
    }

    /** Waits for every thread to stop, even if interrupted meanwhile (the interruption is kept). */
    private static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reader of the bytes {@code [start, end)} of the file, decoded as UTF-8 (malformed input is an error). */
    private Reader open(long start, long end) throws IOException {
        return new BufferedReader(new InputStreamReader(range(start, end), StandardCharsets.UTF_8.newDecoder()),
                1 << 16);
    }

    /** The bytes {@code [start, end)} of the file. */
    private InputStream range(long start, long end) throws IOException {
        FileChannel channel = FileChannel.open(table.csvFile(), StandardOpenOption.READ);
        try {
            channel.position(start);
            return new RangeStream(Channels.newInputStream(channel), end - start);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The records of a part: one at a time, its cells readable until the next. */
    private interface Source {
        boolean next() throws IOException;

        int size();

        String get(int i);
    }

    /** Commons CSV's records (the reference parser: small files, the header, files that cannot be cut). */
    private static Source commons(Iterator<CSVRecord> records) {
        return new Source() {
            private CSVRecord record;

            @Override
            public boolean next() {
                if (!records.hasNext()) {
                    return false;
                }
                record = records.next();
                return true;
            }

            @Override
            public int size() {
                return record.size();
            }

            @Override
            public String get(int i) {
                return record.get(i);
            }
        };
    }

    /** The first {@code remaining} bytes of a stream. */
    private static final class RangeStream extends FilterInputStream {
        private long remaining;

        RangeStream(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(super.available(), remaining);
        }
    }

    /** What a part's loop reports after each record; false stops the part (cancelled). */
    private interface Tick {
        boolean record(long recordsInPart);
    }

    /** Checks and appends the records of one part (or of the file); one per thread. */
    private static final class PartStager {
        private final Layout layout;
        private final Appender staged;
        private final Appender quarantined;
        private final Counts counts;
        private final FieldCheck.Outcome[] outcomes;
        private final String[] raws;
        private final List<String> reasons = new ArrayList<>();

        PartStager(Layout layout, Appender staged, Appender quarantined, Counts counts) {
            this.layout = layout;
            this.staged = staged;
            this.quarantined = quarantined;
            this.counts = counts;
            this.outcomes = new FieldCheck.Outcome[layout.checks().size()];
            this.raws = new String[layout.checks().size()];
        }

        /** Stages the records, numbering them from {@code firstRecord}; returns how many were read. */
        long run(Source record, long firstRecord, Tick tick) throws IOException {
            List<FieldCheck> checks = layout.checks();
            int[] positions = layout.positions();
            long n = 0;
            while (record.next()) {
                long row = firstRecord + n;
                n++;
                counts.read++;
                reasons.clear();
                int size = record.size();
                if (size != layout.width()) {
                    reasons.add(ReasonCode.ROW_WIDTH.code() + ":*");
                }
                for (int f = 0; f < outcomes.length; f++) {
                    int position = positions[f];
                    raws[f] = position >= 0 && position < size ? record.get(position) : null;
                    outcomes[f] = checks.get(f).check(raws[f]);
                    if (!outcomes[f].ok()) {
                        reasons.add(outcomes[f].reason().code() + ":" + checks.get(f).field().name());
                    }
                }
                if (reasons.isEmpty()) {
                    appendStaged(staged, row, layout.columns(), outcomes, raws);
                } else {
                    counts.rejected++;
                    for (String reason : reasons) {
                        counts.issues.merge(reason, 1L, Long::sum);
                    }
                    appendRejected(quarantined, row, reasons, layout.columns(), outcomes, raws);
                }
                if (!tick.record(n)) {
                    break;
                }
            }
            return n;
        }
    }

    private static List<String> header(CSVRecord record) {
        List<String> names = new ArrayList<>(record.toList());
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1)); // byte order mark
        }
        return names;
    }

    private void createTables(List<Column> columns) {
        StringBuilder staged = new StringBuilder("CREATE TABLE " + prefix + "staged (_row BIGINT");
        StringBuilder rejected = new StringBuilder("CREATE TABLE " + prefix + "rejected (_row BIGINT, _reasons VARCHAR[]");
        for (Column c : columns) {
            staged.append(", ").append(Sql.id(c.field().name())).append(' ').append(c.stagedType());
            rejected.append(", ").append(Sql.id(c.field().name())).append(" VARCHAR");
        }
        connection.execute(staged.append(')').toString());
        connection.execute(rejected.append(')').toString());
    }

    private static void appendStaged(Appender appender, long row, List<Column> columns,
            FieldCheck.Outcome[] outcomes, String[] raws) {
        Object[] values = new Object[columns.size() + 1];
        values[0] = row;
        int i = 1;
        for (Column c : columns) {
            Object value = outcomes[c.csvIndex()].value();
            if (c.treatment() == ColumnTreatment.BIRTH_DATE_TO_YEAR) {
                value = FieldCheck.yearOf(value);
            } else if (c.treatment() != null && c.treatment().pseudonymised()) {
                value = value == null ? null : raws[c.csvIndex()];
            }
            values[i++] = value;
        }
        appender.row(values);
    }

    private static void appendRejected(Appender appender, long row, List<String> reasons, List<Column> columns,
            FieldCheck.Outcome[] outcomes, String[] raws) {
        Object[] values = new Object[columns.size() + 2];
        values[0] = row;
        values[1] = List.copyOf(reasons);
        int i = 2;
        for (Column c : columns) {
            String raw = raws[c.csvIndex()];
            if (c.treatment() == ColumnTreatment.BIRTH_DATE_TO_YEAR) {
                Integer year = FieldCheck.yearOf(outcomes[c.csvIndex()].value());
                raw = year == null ? null : year.toString(); // an unreadable birth date is not kept at all
            }
            values[i++] = raw;
        }
        appender.row(values);
    }
}
