package eu.guichet.dataplane.pseudonym;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import javax.crypto.Mac;

/**
 * Per-project pseudonyms (the SNDS "per-project subject number"): {@code p}, the HDAB key version, {@code -}, then
 * {@code base32(HMAC(projectKey, "guichet:project\0" ‖ national MAC))}. Computed from the national pseudonym, never
 * from the raw identifier, so extracts are built from the lake alone. The national MAC is the one of the project's key
 * version (the version current when the permit's first extract was built), so a permit's pseudonyms survive a key
 * rotation. Thread-safe.
 */
public final class ProjectPseudonymiser {

    private static final byte[] PREFIX = "guichet:project\0".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORD_PREFIX = "guichet:project-record\0".getBytes(StandardCharsets.UTF_8);

    private final Pseudonymiser national;
    private final int keyVersion;
    private final ThreadLocal<Mac> mac;

    ProjectPseudonymiser(Pseudonymiser national, int keyVersion, byte[] projectKey) {
        this.national = national;
        this.keyVersion = keyVersion;
        byte[] key = projectKey.clone();
        this.mac = ThreadLocal.withInitial(() -> Pseudonymiser.newMac(key));
    }

    /** The key version the project's pseudonyms are made under (record it with the permit's first extract). */
    public int keyVersion() {
        return keyVersion;
    }

    /** The project pseudonym of a national pseudonym (of any key version still held), {@code null} for null. */
    public String pseudonym(String nationalPseudonym) {
        if (nationalPseudonym == null) {
            return null;
        }
        int own = Pseudonymiser.keyVersionOf(nationalPseudonym);
        Mac m = mac.get();
        m.update(PREFIX);
        return Pseudonymiser.format('p', Math.max(own, keyVersion),
                m.doFinal(national.macAt(nationalPseudonym, keyVersion)));
    }

    /**
     * The project's key for record identifiers (hex): an extract gives a lake pseudonym {@code x} of a record as a hash
     * of this key and {@code x}, so the same record has different identifiers in two projects' extracts. Stays in the
     * SQL the extract builder runs; never logged.
     */
    public String recordKey() {
        Mac m = mac.get();
        m.update(RECORD_PREFIX);
        return java.util.HexFormat.of().formatHex(m.doFinal());
    }

    /** Project pseudonyms of many national pseudonyms, in the same order. */
    public List<String> pseudonyms(List<String> nationalPseudonyms) {
        String[] out = new String[nationalPseudonyms.size()];
        IntStream.range(0, out.length).parallel().forEach(i -> out[i] = pseudonym(nationalPseudonyms.get(i)));
        return Arrays.asList(out);
    }

    @Override
    public String toString() {
        return "ProjectPseudonymiser[keyVersion=" + keyVersion + "]";
    }
}
