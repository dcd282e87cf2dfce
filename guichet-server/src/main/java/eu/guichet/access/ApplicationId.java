package eu.guichet.access;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a data access application or a data request. */
public record ApplicationId(@JsonValue UUID value) {

    public ApplicationId {
        Objects.requireNonNull(value, "value");
    }

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }

    public static ApplicationId parse(String text) {
        return new ApplicationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
