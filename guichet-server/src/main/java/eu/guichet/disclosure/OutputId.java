package eu.guichet.disclosure;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a request to release an output. */
public record OutputId(@JsonValue UUID value) {

    public OutputId {
        Objects.requireNonNull(value, "value");
    }

    public static OutputId random() {
        return new OutputId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
