package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a CSV file into parts at record boundaries, as Commons CSV's RFC 4180 lexer (the parser of {@link CsvStager})
 * would end its records, so that each part parsed on its own gives exactly the records the whole file gives, and
 * counts the records of each part so that their numbers stay those of the whole file.
 *
 * <p>The scan reads bytes: in UTF-8 the delimiter (ASCII, see {@link #splittable}), the quote, CR and LF never occur
 * inside a multi-byte character. A record ends at a CR, an LF or a CR LF outside quotes; a quote opens a quoted field
 * only at the start of a field (elsewhere it is text); in a quoted field, a doubled quote is a quote, and after the
 * closing quote everything up to the next delimiter or line end belongs to the field (the lexer accepts white space
 * there and refuses anything else, which the part's parser reports as the serial parse would). Every line end outside
 * quotes ends exactly one record (an empty line is a record of one empty value), so counting them counts records.
 * Not thread-safe: one scan, pulled by one thread.
 *
 * <p>One character breaks this: Commons CSV takes U+FFFE for its disabled escape and comment markers (an escaped line
 * end, a skipped comment line). The scan notes whether the file holds it ({@link #holdsFffe}); such a file is left
 * whole to the serial parse.
 */
final class CsvSplitter implements AutoCloseable {

    /** A byte range {@code [start, end)} of whole records, the first of which is record {@code firstRecord}. */
    record Part(int index, long start, long end, long firstRecord, long records, boolean last) {
    }

    private static final int START = 0;
    private static final int SIMPLE = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int AFTER_QUOTE = 4;
    private static final int AFTER_CR = 5;

    private final FileChannel channel;
    private final long size;
    private final byte delimiter;
    private final long partBytes;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    private final byte[] bytes = buffer.array();

    /** Absolute offset of {@code bytes[0]}, and the bytes of the buffer still to scan. */
    private long bufferOffset;
    private int position;
    private int limit;
    private int state = START;
    private long headerEnd = -1;
    private long partStart;
    private long partRecords;
    private long nextRecord = 1;
    private int partIndex;
    private boolean done;
    /** The last two bytes of the previous buffer (to find U+FFFE across buffers). */
    private byte tail1;
    private byte tail2;
    private boolean holdsFffe;

    /** Whether a file with this delimiter can be cut by a byte scan (the delimiter must be one ASCII character). */
    static boolean splittable(char delimiter) {
        return delimiter < 0x80 && delimiter != '"' && delimiter != '\r' && delimiter != '\n';
    }

    CsvSplitter(Path file, char delimiter, long partBytes) throws IOException {
        if (!splittable(delimiter)) {
            throw new IllegalArgumentException("delimiter");
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
        this.delimiter = (byte) delimiter;
        this.partBytes = Math.max(1, partBytes);
    }

    long size() {
        return size;
    }

    /** Whether the file holds U+FFFE (bytes EF BF BE) where the scan has been; true means: do not cut it. */
    boolean holdsFffe() {
        return holdsFffe;
    }

    /** Scans the rest of the file: all the parts after the header. */
    List<Part> allParts() throws IOException {
        List<Part> parts = new ArrayList<>();
        for (Part part = nextPart(); part != null; part = nextPart()) {
            parts.add(part);
        }
        return parts;
    }

    /** The end of the header record (the first record): the file's size when the file has only one record. */
    long headerEnd() throws IOException {
        while (headerEnd < 0 && !done) {
            scanUntilBoundary(true);
        }
        if (headerEnd < 0) {
            headerEnd = size;
            partStart = size;
        }
        return headerEnd;
    }

    /** The next part after the header, or null when the file is scanned. */
    Part nextPart() throws IOException {
        headerEnd();
        if (partStart >= size) {
            return null;
        }
        long end = done ? -1 : scanUntilBoundary(false);
        if (end < 0) { // end of file: the last part, whose record count the scan does not need
            Part last = new Part(partIndex++, partStart, size, nextRecord, -1, true);
            partStart = size;
            return last;
        }
        Part part = new Part(partIndex++, partStart, end, nextRecord, partRecords, end == size);
        nextRecord += partRecords;
        partRecords = 0;
        partStart = end;
        return part;
    }

    /**
     * Scans up to the end of the header record ({@code header}), or to the first record end at least
     * {@code partBytes} after the current part's start. Returns that end, or -1 at the end of the file.
     */
    private long scanUntilBoundary(boolean header) throws IOException {
        byte d = delimiter;
        while (true) {
            if (position == limit && !fill()) {
                done = true;
                if (state == AFTER_CR) {
                    state = START;
                    if (recordEnd(size, header)) {
                        return size;
                    }
                }
                return -1;
            }
            byte[] b = bytes;
            int i = position;
            int n = limit;
            int s = state;
            while (i < n) {
                byte c = b[i++];
                if (c == (byte) 0xBE) {
                    noteFffe(b, i - 1);
                }
                switch (s) {
                    case QUOTED -> {
                        if (c == '"') {
                            s = QUOTE_IN_QUOTED;
                        } else { // fast skip to the next quote
                            while (i < n && b[i] != '"') {
                                if (b[i] == (byte) 0xBE) {
                                    noteFffe(b, i);
                                }
                                i++;
                            }
                        }
                        continue;
                    }
                    case QUOTE_IN_QUOTED -> {
                        if (c == '"') {
                            s = QUOTED;
                            continue;
                        }
                        s = AFTER_QUOTE; // the field closed: c is read as after a closing quote
                    }
                    case AFTER_CR -> {
                        s = START;
                        if (c == '\n') {
                            state = s;
                            position = i;
                            if (recordEnd(bufferOffset + i, header)) {
                                return bufferOffset + i;
                            }
                            continue;
                        }
                        // a lone CR ended the record before c
                        state = s;
                        position = i - 1;
                        if (recordEnd(bufferOffset + i - 1, header)) {
                            return bufferOffset + i - 1;
                        }
                    }
                    default -> {
                        // START, SIMPLE, AFTER_QUOTE: handled below
                    }
                }
                if (c == d) {
                    s = START;
                } else if (c == '\n') {
                    s = START;
                    state = s;
                    position = i;
                    if (recordEnd(bufferOffset + i, header)) {
                        return bufferOffset + i;
                    }
                } else if (c == '\r') {
                    s = AFTER_CR;
                } else if (s == START) {
                    s = c == '"' ? QUOTED : SIMPLE;
                }
            }
            state = s;
            position = i;
        }
    }

    /** One record ends just before {@code offset}; true when a boundary is there. */
    private boolean recordEnd(long offset, boolean header) {
        if (headerEnd < 0) {
            headerEnd = offset;
            partStart = offset;
            return header;
        }
        partRecords++;
        return !header && offset - partStart >= partBytes && offset < size;
    }

    /** The byte at {@code index} is BE: notes whether EF BF precede it. */
    private void noteFffe(byte[] b, int index) {
        byte before = index >= 1 ? b[index - 1] : tail1;
        byte beforeThat = index >= 2 ? b[index - 2] : index == 1 ? tail1 : tail2;
        if (before == (byte) 0xBF && beforeThat == (byte) 0xEF) {
            holdsFffe = true;
        }
    }

    private boolean fill() throws IOException {
        if (limit >= 2) {
            tail2 = bytes[limit - 2];
            tail1 = bytes[limit - 1];
        } else if (limit == 1) {
            tail2 = tail1;
            tail1 = bytes[0];
        }
        bufferOffset += limit;
        buffer.clear();
        int n;
        do {
            n = channel.read(buffer);
        } while (n == 0);
        position = 0;
        limit = Math.max(0, buffer.position());
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
