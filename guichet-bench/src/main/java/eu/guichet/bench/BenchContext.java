package eu.guichet.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

import eu.guichet.dataplane.pseudonym.PseudonymKeyStore;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * What every row shares: the scale, the work directory (generated data, deleted at the end), the repository root
 * (for the Synthea fixture, the server jar and the catalogue bench's result), and a bench-only pseudonym key.
 *
 * @param rows     tabular rows and extract events
 * @param persons  distinct persons the rows are drawn from
 * @param rounds   measured rounds per path (the best counts), after one warm-up round
 */
record BenchContext(long rows, int persons, int rounds, Path work, Path repository, Path synthea, Path serverJar) {

    static final String KEY_LABEL = "guichet-bench-key";

    BenchContext withRounds(int r) {
        return new BenchContext(rows, persons, r, work, repository, synthea, serverJar);
    }

    int threads() {
        return Machine.cores();
    }

    /** A fixed bench key (SHA-256 of a label): the figures do not depend on the key, and no secret is needed. */
    static byte[] key() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(KEY_LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Pseudonymiser pseudonymiser() {
        return new Pseudonymiser(PseudonymKeyStore.of(1, Map.of(1, key())));
    }
}
