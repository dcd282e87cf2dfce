package eu.guichet.ingest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends one chunk of a resumable upload to its file: streamed through a small buffer, flushed to disk before the
 * new offset is answered. A process killed mid-chunk leaves a prefix of the file, whose length is the offset the
 * client resumes from. Plain Java, so that the crash tests run it in a forked JVM.
 */
public final class ChunkWriter {

    /** What a chunk left: the file's new length, and whether the body ended before {@code length} bytes. */
    public record Appended(long offset, boolean cutShort) {
    }

    private ChunkWriter() {
    }

    /**
     * Appends up to {@code length} bytes of {@code body} at {@code start}, which must be the file's length.
     *
     * @throws OffsetMismatch when {@code start} is not the file's length
     */
    public static Appended append(Path file, long start, long length, InputStream body) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long offset = out.size();
            if (start != offset) {
                throw new OffsetMismatch(offset);
            }
            out.position(offset);
            byte[] buffer = new byte[1 << 16];
            long remaining = length;
            try {
                while (remaining > 0) {
                    int n = body.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        break;
                    }
                    out.write(ByteBuffer.wrap(buffer, 0, n));
                    remaining -= n;
                }
            } finally {
                out.force(false);
            }
            return new Appended(out.size(), remaining > 0);
        }
    }

    /** The chunk does not start at the received offset. */
    public static final class OffsetMismatch extends IOException {
        private final long offset;

        OffsetMismatch(long offset) {
            super("The chunk does not start at the received offset " + offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }
}
