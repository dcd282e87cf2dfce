package eu.guichet.dataplane.extract;

import java.util.function.Consumer;

/**
 * The national pseudonyms (current key version) of the persons whose opt-out applies to an extract: in effect at its
 * reference instant. Streamed, never held whole: a national register holds millions.
 */
@FunctionalInterface
public interface OptOutSnapshot {

    void forEach(Consumer<String> nationalPseudonym);

    static OptOutSnapshot none() {
        return consumer -> {
        };
    }
}
