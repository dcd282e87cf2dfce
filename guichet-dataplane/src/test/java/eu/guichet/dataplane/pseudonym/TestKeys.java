package eu.guichet.dataplane.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Deterministic test keys: SHA-256 of a label, so tests in any package get the same keys without a secret. */
public final class TestKeys {

    private TestKeys() {
    }

    public static byte[] key(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(String label) {
        return Base64.getEncoder().encodeToString(key(label));
    }

    /** A store with versions 1..current, keys "test-key-1", "test-key-2", … */
    public static PseudonymKeyStore store(int current) {
        Map<Integer, byte[]> keys = new HashMap<>();
        for (int v = 1; v <= current; v++) {
            keys.put(v, key("test-key-" + v));
        }
        return PseudonymKeyStore.of(current, keys);
    }
}
