package eu.guichet.dataplane.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the records of a UTF-8 CSV byte stream exactly as Commons CSV's parser does with {@code CSVFormat.RFC4180} and
 * a one-byte ASCII delimiter (the reference, still used for small files and the header), but on bytes: a cell is
 * decoded only once it is whole (a plain copy when it is ASCII, a strict UTF-8 decoding otherwise), with no per-char
 * call. The same records, the same cells, and an {@link IOException} where the reference throws one: a quote opens a
 * quoted cell only at a cell's start; a doubled quote in it is a quote; after the closing quote only white space may
 * come before the delimiter or the line end; CR, LF and CR LF end a record; an empty line is a record of one empty
 * cell; a delimiter at the end of the input adds an empty last cell; malformed UTF-8 is an error.
 *
 * <p>One difference is excluded by the caller: Commons CSV treats the character U+FFFE as its (disabled) escape and
 * comment markers; {@link CsvSplitter} sends a file holding it to the reference parser, and this reader refuses it.
 */
final class CsvRecordReader {

    private static final int EOF = -1;
    private static final int TOKEN = 0;
    private static final int END_OF_RECORD = 1;
    private static final int END_OF_INPUT = 2;

    private final InputStream in;
    private final int delimiter;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private int position;
    private int limit;
    private byte[] cell = new byte[256];
    private int cellLength;
    /** The bits of every byte of the cell: negative when one is not ASCII. */
    private int cellBits;
    /** The last read reached the end of the input. */
    private boolean ended;
    private boolean lastTokenDelimiter;

    CsvRecordReader(InputStream in, char delimiter) {
        if (!CsvSplitter.splittable(delimiter)) {
            throw new IllegalArgumentException("delimiter");
        }
        this.in = in;
        this.delimiter = delimiter;
    }

    /** Reads the next record into {@code cells} (cleared first); false at the end of the input. */
    boolean next(List<String> cells) throws IOException {
        cells.clear();
        if (ended) {
            return false;
        }
        while (true) {
            int c = read();
            boolean endOfLine = false;
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                endOfLine = true;
            } else if (c == '\n') {
                endOfLine = true;
            }
            if (!lastTokenDelimiter && c == EOF) {
                return !cells.isEmpty();
            }
            lastTokenDelimiter = false;
            int end;
            if (c == delimiter) {
                lastTokenDelimiter = true;
                cells.add("");
                continue;
            } else if (endOfLine) {
                cells.add("");
                return true;
            } else if (c == '"') {
                end = quoted();
            } else if (c == EOF) {
                cells.add("");
                return true;
            } else {
                end = simple(c);
            }
            cells.add(cellText());
            if (end != TOKEN) {
                return true;
            }
        }
    }

    /** An unquoted cell whose first byte is {@code first}. */
    private int simple(int first) throws IOException {
        cellLength = 0;
        cellBits = 0;
        append(first);
        int d = delimiter;
        while (true) {
            int from = position;
            int p = from;
            byte[] b = buffer;
            int n = limit;
            int bits = 0;
            while (p < n) {
                int x = b[p];
                if (x == d || x == '\n' || x == '\r') {
                    break;
                }
                bits |= x;
                p++;
            }
            appendRange(from, p, bits);
            position = p;
            int c = read();
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                return END_OF_RECORD;
            }
            if (c == '\n') {
                return END_OF_RECORD;
            }
            if (c == EOF) {
                return END_OF_INPUT;
            }
            if (c == d) {
                lastTokenDelimiter = true;
                return TOKEN;
            }
            append(c); // only after a refill: the scan stopped at the end of the buffer
        }
    }

    /** A quoted cell, its opening quote read. */
    private int quoted() throws IOException {
        cellLength = 0;
        cellBits = 0;
        while (true) {
            int from = position;
            int p = from;
            byte[] b = buffer;
            int n = limit;
            int bits = 0;
            while (p < n && b[p] != '"') {
                bits |= b[p];
                p++;
            }
            appendRange(from, p, bits);
            position = p;
            int c = read();
            if (c == EOF) {
                throw new IOException("end of input inside a quoted cell");
            }
            if (c != '"') {
                append(c); // only after a refill
                continue;
            }
            if (peek() == '"') {
                read();
                append('"');
                continue;
            }
            return afterClosingQuote();
        }
    }

    private int afterClosingQuote() throws IOException {
        while (true) {
            int c = read();
            if (c == delimiter) {
                lastTokenDelimiter = true;
                return TOKEN;
            }
            if (c == EOF) {
                return END_OF_INPUT;
            }
            if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                return END_OF_RECORD;
            }
            if (c == '\n') {
                return END_OF_RECORD;
            }
            if (c < 0x80) {
                if (!Character.isWhitespace((char) c)) {
                    throw new IOException("invalid character after a closing quote");
                }
                continue;
            }
            // a run of non-ASCII bytes: white space only (decoded strictly)
            byte[] run = {(byte) c};
            int length = 1;
            while (peek() >= 0x80) {
                if (length == run.length) {
                    run = Arrays.copyOf(run, length * 2);
                }
                run[length++] = (byte) read();
            }
            String text = decoder.decode(ByteBuffer.wrap(run, 0, length)).toString();
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    throw new IOException("invalid character after a closing quote");
                }
            }
        }
    }

    private String cellText() throws IOException {
        if (cellBits >= 0) {
            return new String(cell, 0, cellLength, StandardCharsets.ISO_8859_1); // ASCII
        }
        String text = decoder.decode(ByteBuffer.wrap(cell, 0, cellLength)).toString();
        if (text.indexOf('\uFFFE') >= 0) {
            throw new IllegalStateException("U+FFFE is left to the reference parser");
        }
        return text;
    }

    private void append(int c) {
        if (cellLength == cell.length) {
            cell = Arrays.copyOf(cell, cell.length * 2);
        }
        cell[cellLength++] = (byte) c;
        cellBits |= (byte) c;
    }

    private void appendRange(int from, int to, int bits) {
        int length = to - from;
        if (length == 0) {
            return;
        }
        if (cellLength + length > cell.length) {
            cell = Arrays.copyOf(cell, Math.max(cell.length * 2, cellLength + length));
        }
        System.arraycopy(buffer, from, cell, cellLength, length);
        cellLength += length;
        cellBits |= bits;
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            ended = true;
            return EOF;
        }
        return buffer[position++] & 0xFF;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position] & 0xFF;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(0, n);
        return n > 0;
    }
}
