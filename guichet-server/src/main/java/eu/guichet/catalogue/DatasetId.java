package eu.guichet.catalogue;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

public record DatasetId(@JsonValue UUID value) {

    public DatasetId {
        Objects.requireNonNull(value, "value");
    }

    public static DatasetId random() {
        return new DatasetId(UUID.randomUUID());
    }

    public static DatasetId parse(String text) {
        return new DatasetId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
