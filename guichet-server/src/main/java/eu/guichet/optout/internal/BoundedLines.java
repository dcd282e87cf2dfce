package eu.guichet.optout.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a text, each at most {@code max} characters: of a longer line only the first {@code max} characters are
 * kept and {@link #tooLong()} says so, so a file without line breaks cannot fill the memory. Accepts LF and CRLF; drops a leading byte-order mark.
 */
final class BoundedLines {

    private final BufferedReader in;
    private final int max;
    private final StringBuilder line = new StringBuilder();
    private long number;
    private boolean started;
    private boolean tooLong;

    BoundedLines(Reader reader, int max) {
        this.in = new BufferedReader(reader, 64 * 1024);
        this.max = max;
    }

    /** The next line (see {@link #tooLong()}), {@code null} at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        tooLong = false;
        int c = in.read();
        if (!started && c == '\uFEFF') {
            c = in.read();
        }
        started = true;
        if (c == -1) {
            return null;
        }
        number++;
        while (c != -1 && c != '\n') {
            if (line.length() < max) {
                line.append((char) c);
            } else {
                tooLong = true;
            }
            c = in.read();
        }
        if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
        }
        return line.toString();
    }

    /** Whether the line {@link #next()} returned last was cut at {@code max} characters. */
    boolean tooLong() {
        return tooLong;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long lineNumber() {
        return number;
    }
}
