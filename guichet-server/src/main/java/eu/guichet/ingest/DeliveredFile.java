package eu.guichet.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** A file sent with a delivery request (a multipart part): streamed to disk, never held in the heap. */
public interface DeliveredFile {

    /** The name as sent; only plain names are accepted. */
    String name();

    /** Streams the content to {@code target}. */
    void transferTo(Path target) throws IOException;
}
