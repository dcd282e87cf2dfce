package eu.guichet.access;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a data permit (all its versions). */
public record PermitId(@JsonValue UUID value) {

    public PermitId {
        Objects.requireNonNull(value, "value");
    }

    public static PermitId random() {
        return new PermitId(UUID.randomUUID());
    }

    public static PermitId parse(String text) {
        return new PermitId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
