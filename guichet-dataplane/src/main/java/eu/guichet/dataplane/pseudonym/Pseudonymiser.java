package eu.guichet.dataplane.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns direct identifiers into pseudonyms with HMAC-SHA256 under the HDAB's keys. Thread-safe: every thread uses its
 * own {@link Mac} instances.
 *
 * <p>A pseudonym is {@value #LENGTH} characters: {@code v}, the key version on two digits, {@code -}, then the 256-bit
 * MAC in lower-case base32 (52 characters), e.g. {@code v02-3kq…}. It is computed in layers so that a key rotation
 * keeps linkage without the raw identifiers:
 * <pre>
 * P(first) = HMAC(K(first), domain prefix ‖ normalised identifier)
 * P(v)     = HMAC(K(v), "guichet:rekey\0" ‖ P(v-1))      for each later version v up to the current one
 * </pre>
 * so {@link #upgrade(String)} turns any older pseudonym into the current one, and a lake version pseudonymised under
 * an older key can be re-keyed by joining its distinct pseudonyms with their upgrades.
 *
 * <p>Per-project pseudonyms come from {@link #forProject(String)}.
 */
public final class Pseudonymiser {

    /** Length of every pseudonym string. */
    public static final int LENGTH = 4 + 52;
    static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    private static final byte[] REKEY_PREFIX = "guichet:rekey\0".getBytes(StandardCharsets.UTF_8);
    /** Batches at least this large are computed on several threads. */
    private static final int PARALLEL_THRESHOLD = 4_096;

    private final PseudonymKeyStore keys;
    private final int first;
    private final int current;
    private final ThreadLocal<Mac[]> macs;

    public Pseudonymiser(PseudonymKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.first = keys.firstVersion();
        this.current = keys.currentVersion();
        this.macs = ThreadLocal.withInitial(() -> {
            Mac[] perVersion = new Mac[current - first + 1];
            for (int v = first; v <= current; v++) {
                perVersion[v - first] = newMac(keys.key(v));
            }
            return perVersion;
        });
    }

    static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The key version of the pseudonyms this pseudonymiser makes. */
    public int keyVersion() {
        return current;
    }

    /** The pseudonym of one identifier, or {@code null} when the identifier is missing or blank. */
    public String pseudonym(IdentifierDomain domain, String rawIdentifier) {
        String normalised = domain.normalise(rawIdentifier);
        if (normalised == null) {
            return null;
        }
        return format('v', current, macChain(domain, normalised));
    }

    /**
     * Pseudonyms of many identifiers (meant for the distinct identifiers of a delivery), in the same order;
     * {@code null} for missing or blank ones. Large batches run in parallel.
     */
    public List<String> pseudonyms(IdentifierDomain domain, List<String> rawIdentifiers) {
        String[] out = new String[rawIdentifiers.size()];
        IntStream indexes = IntStream.range(0, out.length);
        if (out.length >= PARALLEL_THRESHOLD) {
            indexes = indexes.parallel();
        }
        indexes.forEach(i -> out[i] = pseudonym(domain, rawIdentifiers.get(i)));
        return Arrays.asList(out);
    }

    private byte[] macChain(IdentifierDomain domain, String normalised) {
        Mac[] perVersion = macs.get();
        Mac mac = perVersion[0];
        mac.update(domain.prefix().getBytes(StandardCharsets.UTF_8));
        byte[] h = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
        for (int v = first + 1; v <= current; v++) {
            h = rekey(perVersion[v - first], h);
        }
        return h;
    }

    private static byte[] rekey(Mac mac, byte[] previous) {
        mac.update(REKEY_PREFIX);
        return mac.doFinal(previous);
    }

    /**
     * The current-version pseudonym of a pseudonym made under an older (or the current) key version: how a key
     * rotation keeps linkage without the raw identifiers.
     */
    public String upgrade(String pseudonym) {
        int version = versionOf(pseudonym, 'v');
        if (version < first || version > current) {
            throw new PseudonymKeyException("No key for the pseudonym's version " + version);
        }
        byte[] h = Base32.decode(pseudonym.substring(4), MAC_BYTES);
        Mac[] perVersion = macs.get();
        for (int v = version + 1; v <= current; v++) {
            h = rekey(perVersion[v - first], h);
        }
        return format('v', current, h);
    }

    /** The key version a pseudonym was made with. */
    public static int keyVersionOf(String pseudonym) {
        return versionOf(pseudonym, pseudonym == null || pseudonym.isEmpty() ? 'v' : pseudonym.charAt(0));
    }

    private static int versionOf(String pseudonym, char kind) {
        if (pseudonym == null || pseudonym.length() != LENGTH || pseudonym.charAt(0) != kind
                || pseudonym.charAt(3) != '-' || !Character.isDigit(pseudonym.charAt(1))
                || !Character.isDigit(pseudonym.charAt(2))) {
            throw new IllegalArgumentException("Not a pseudonym of kind '" + kind + "'");
        }
        return Integer.parseInt(pseudonym.substring(1, 3));
    }

    static String format(char kind, int version, byte[] mac) {
        return kind + (version < 10 ? "0" : "") + version + "-" + Base32.encode(mac);
    }

    /**
     * The pseudonymiser of one project (permit): its pseudonyms are HMACs of the current national pseudonyms under a
     * key derived from the current HDAB key and the permit id, so two projects never share a pseudonym.
     */
    public ProjectPseudonymiser forProject(String permitId) {
        return forProject(permitId, current);
    }

    /**
     * The pseudonymiser of one project whose pseudonyms were first made under key version {@code keyVersion}: the
     * project key is derived from that version's key and national pseudonyms are brought to that version before
     * hashing, so a permit's later extracts keep its first extract's pseudonyms after a key rotation — for every
     * lake pseudonym made under {@code keyVersion} or an older key. A national pseudonym made under a newer key cannot
     * be brought back to {@code keyVersion} (rotation only goes forward): it gets a pseudonym of its own version, still
     * specific to the project.
     */
    public ProjectPseudonymiser forProject(String permitId, int keyVersion) {
        if (keyVersion < first || keyVersion > current) {
            throw new PseudonymKeyException("No key for the project's key version " + keyVersion);
        }
        return new ProjectPseudonymiser(this, keyVersion, projectKey(permitId, keyVersion));
    }

    /**
     * The project key of a permit: HKDF-Expand (RFC 5869, section 2.3) with the current HDAB key as pseudorandom key,
     * info {@code "guichet/project-key/" + permitId} and one 32-byte block, i.e.
     * {@code HMAC(K(current), info ‖ 0x01)}.
     */
    byte[] projectKey(String permitId) {
        return projectKey(permitId, current);
    }

    /** {@link #projectKey(String)} under the key of {@code version}. */
    byte[] projectKey(String permitId, int version) {
        Objects.requireNonNull(permitId, "permitId");
        if (permitId.isBlank()) {
            throw new IllegalArgumentException("A project key needs a permit id");
        }
        Mac mac = newMac(keys.key(version));
        mac.update(("guichet/project-key/" + permitId).getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0x01);
        return mac.doFinal();
    }

    /** Decodes the MAC bytes of a current-version national pseudonym, upgrading older ones first. */
    byte[] currentMac(String nationalPseudonym) {
        return macAt(nationalPseudonym, current);
    }

    /**
     * The MAC bytes of a national pseudonym brought to {@code version} (older ones upgraded); one made under a newer
     * key is given as it is (rotation cannot go back).
     */
    byte[] macAt(String nationalPseudonym, int version) {
        int own = versionOf(nationalPseudonym, 'v');
        if (own < first || own > current) {
            throw new PseudonymKeyException("No key for the pseudonym's version " + own);
        }
        byte[] h = Base32.decode(nationalPseudonym.substring(4), MAC_BYTES);
        Mac[] perVersion = macs.get();
        for (int v = own + 1; v <= version; v++) {
            h = rekey(perVersion[v - first], h);
        }
        return h;
    }

    @Override
    public String toString() {
        return "Pseudonymiser[keyVersion=" + current + "]";
    }
}
