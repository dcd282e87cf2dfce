package eu.guichet.ingest;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one resumable upload session. */
public record UploadId(@JsonValue UUID value) {

    public UploadId {
        Objects.requireNonNull(value, "value");
    }

    public static UploadId random() {
        return new UploadId(UUID.randomUUID());
    }

    public static UploadId parse(String text) {
        return new UploadId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
