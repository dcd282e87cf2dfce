package eu.guichet.optout;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** One bulk import of opt-outs by the HDAB. */
public record OptOutImportId(@JsonValue UUID value) {

    public OptOutImportId {
        Objects.requireNonNull(value, "value");
    }

    public static OptOutImportId random() {
        return new OptOutImportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
