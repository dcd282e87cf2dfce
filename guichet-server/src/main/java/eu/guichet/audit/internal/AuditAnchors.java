package eu.guichet.audit.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chain's anchors outside the database: one line {@code <sequence> <hash> <instant>} appended to a file each
 * time a transaction that wrote audit events commits. Only ever appended to, with strictly increasing sequence
 * numbers: the last line of the file (read under an exclusive file lock, so restarts and other processes sharing the
 * file agree) tells whether a later head is already anchored.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    /** Enough to hold the last complete line ({@code <= 20 + 1 + 64 + 1 + 30 + 1} bytes) and a torn one. */
    private static final int TAIL_BYTES = 512;

    private final Path file;
    private final Clock clock;

    AuditAnchors(AuditProperties properties, Clock clock) {
        this.file = properties.anchorFile().toAbsolutePath();
        this.clock = clock;
    }

    /** A recorded head of the chain. */
    record Anchor(long sequence, String hash) {
    }

    /**
     * Anchors a committed head. Does nothing when the file already anchors this sequence number or a later one
     * (commits may finish out of order; after events were deleted from the table the old anchors must stay the
     * newest, so the deletion keeps showing).
     */
    synchronized void append(long sequence, String hash) {
        try {
            Files.createDirectories(file.getParent());
            // Written through a channel opened in append mode only, so the file may be append-only for everybody,
            // this process included (chattr +a). The tail is read through a second channel, closed last: closing a
            // channel may release the process's locks on the file.
            try (FileChannel appending = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileChannel reading = FileChannel.open(file, StandardOpenOption.READ)) {
                FileLock lock = appending.lock();
                try {
                    Tail tail = tail(reading);
                    if (tail.lastSequence().isPresent() && tail.lastSequence().get() >= sequence) {
                        return;
                    }
                    String line = sequence + " " + hash + " " + clock.instant() + "\n";
                    ByteBuffer bytes = StandardCharsets.UTF_8.encode(tail.endsWithNewLine() ? line : "\n" + line);
                    while (bytes.hasRemaining()) {
                        appending.write(bytes);
                    }
                    appending.force(false);
                } finally {
                    lock.release();
                }
            }
        } catch (IOException | RuntimeException e) {
            // The event itself is committed; a missing anchor weakens truncation detection, so say so loudly.
            log.error("Could not append audit anchor {} to {}", sequence, file, e);
        }
    }

    /** The file's length now: every anchor within it is of an event committed before this call. */
    long size() {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read audit anchors " + file, e);
        }
    }

    /**
     * The anchors within the first {@code bytes} bytes of the file, in file order, streaming. Lines that cannot be
     * read or do not increase the sequence number (the file was edited) are skipped and counted.
     */
    Reader read(long bytes) {
        if (bytes == 0) {
            return new Reader(new BufferedReader(new InputStreamReader(InputStream.nullInputStream())));
        }
        try {
            InputStream in = new Limited(Files.newInputStream(file), bytes);
            return new Reader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read audit anchors " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** Reads the anchors lazily, in increasing sequence order. */
    final class Reader implements Iterator<Anchor>, Closeable {
        private final BufferedReader lines;
        private Anchor next;
        private long lastSequence = 0;
        private long skipped;

        private Reader(BufferedReader lines) {
            this.lines = lines;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String line;
                try {
                    line = lines.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read audit anchors " + file, e);
                }
                if (line == null) {
                    return false;
                }
                Optional<Anchor> anchor = parse(line);
                if (anchor.isPresent() && anchor.get().sequence() > lastSequence) {
                    next = anchor.get();
                    lastSequence = next.sequence();
                } else if (!line.isBlank()) {
                    skipped++;
                }
            }
            return true;
        }

        @Override
        public Anchor next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Anchor anchor = next;
            next = null;
            return anchor;
        }

        @Override
        public void close() {
            if (skipped > 0) {
                log.warn("{} line(s) of the audit anchor file {} are unreadable or out of order and were ignored",
                        skipped, file);
            }
            try {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Optional<Anchor> parse(String line) {
        String[] parts = line.trim().split(" ");
        if (parts.length < 2 || !parts[1].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            long sequence = Long.parseLong(parts[0]);
            return sequence > 0 ? Optional.of(new Anchor(sequence, parts[1])) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Tail(Optional<Long> lastSequence, boolean endsWithNewLine) {
    }

    /** The sequence number of the last readable complete line, and whether the file ends with a complete line. */
    private static Tail tail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return new Tail(Optional.empty(), true);
        }
        int length = (int) Math.min(size, TAIL_BYTES);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long position = size - length;
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) >= 0) {
            // read until full
        }
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        // The last element follows the last new line: empty, or a torn line. The first may be cut by the tail.
        int first = position > 0 ? 1 : 0;
        for (int i = lines.length - 2; i >= first; i--) {
            Optional<Anchor> anchor = parse(lines[i]);
            if (anchor.isPresent()) {
                return new Tail(Optional.of(anchor.get().sequence()), text.endsWith("\n"));
            }
        }
        return new Tail(Optional.empty(), text.endsWith("\n"));
    }

    /** An input stream that ends after a number of bytes. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
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
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
