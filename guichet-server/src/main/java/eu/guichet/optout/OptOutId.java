package eu.guichet.optout;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** One opt-out period of one person: from its effective instant to its withdrawal, if any. */
public record OptOutId(@JsonValue UUID value) {

    public OptOutId {
        Objects.requireNonNull(value, "value");
    }

    public static OptOutId random() {
        return new OptOutId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
