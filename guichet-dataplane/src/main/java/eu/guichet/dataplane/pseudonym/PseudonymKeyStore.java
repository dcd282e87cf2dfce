package eu.guichet.dataplane.pseudonym;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HDAB's pseudonymisation keys, by version, kept outside the data (a key file or environment variables; in
 * production a secrets manager mounts either). Versions run without gaps from the first to the current one because
 * pseudonyms are chained across versions (see {@link Pseudonymiser}); every key is at least {@value #MIN_KEY_BYTES}
 * random bytes, base64-encoded.
 *
 * <p>Key file (a properties file, readable by its owner only, {@code chmod 600}):
 * <pre>
 * current=2
 * key.1=base64…
 * key.2=base64…
 * </pre>
 * Environment: {@code GUICHET_PSEUDONYM_KEY_CURRENT=2}, {@code GUICHET_PSEUDONYM_KEY_1=base64…},
 * {@code GUICHET_PSEUDONYM_KEY_2=base64…}.
 *
 * <p>Keys never appear in {@link #toString()}, logs or exception messages.
 */
public final class PseudonymKeyStore {

    public static final int MIN_KEY_BYTES = 32;
    /** Highest version: pseudonyms spell their key version with two digits. */
    public static final int MAX_VERSION = 99;
    static final String ENV_PREFIX = "GUICHET_PSEUDONYM_KEY_";

    private final SortedMap<Integer, byte[]> keys;
    private final int currentVersion;

    private PseudonymKeyStore(SortedMap<Integer, byte[]> keys, int currentVersion) {
        if (keys.isEmpty()) {
            throw new PseudonymKeyException("No pseudonymisation key configured");
        }
        for (Map.Entry<Integer, byte[]> e : keys.entrySet()) {
            int version = e.getKey();
            if (version < 1 || version > MAX_VERSION) {
                throw new PseudonymKeyException("Key version " + version + " is outside 1.." + MAX_VERSION);
            }
            if (e.getValue().length < MIN_KEY_BYTES) {
                throw new PseudonymKeyException("Key version " + version + " is shorter than " + MIN_KEY_BYTES
                        + " bytes");
            }
        }
        if (!keys.containsKey(currentVersion)) {
            throw new PseudonymKeyException("No key for the current version " + currentVersion);
        }
        if (keys.lastKey() != currentVersion) {
            throw new PseudonymKeyException("The current version " + currentVersion
                    + " must be the highest key version");
        }
        if (keys.lastKey() - keys.firstKey() + 1 != keys.size()) {
            throw new PseudonymKeyException("Key versions must follow each other without gaps: " + keys.keySet());
        }
        this.keys = Collections.unmodifiableSortedMap(keys);
        this.currentVersion = currentVersion;
    }

    /** Keys given directly (tests, or a caller that fetched them from a secrets manager); the arrays are copied. */
    public static PseudonymKeyStore of(int currentVersion, Map<Integer, byte[]> keysByVersion) {
        SortedMap<Integer, byte[]> copy = new TreeMap<>();
        keysByVersion.forEach((v, k) -> copy.put(v, k.clone()));
        return new PseudonymKeyStore(copy, currentVersion);
    }

    /**
     * Reads a key file. Refuses a file that its group or others may read or write, where the file system has POSIX
     * permissions.
     */
    public static PseudonymKeyStore fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new PseudonymKeyException("No key file at " + file);
        }
        checkOwnerOnly(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new PseudonymKeyException("Cannot read the key file " + file.getFileName());
        }
        SortedMap<Integer, byte[]> keys = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("key.")) {
                int version = parseVersion(name.substring(4), name);
                keys.put(version, decode(properties.getProperty(name), version));
            } else if (!name.equals("current")) {
                throw new PseudonymKeyException("Unknown entry '" + name + "' in the key file");
            }
        }
        String current = properties.getProperty("current");
        if (current == null) {
            throw new PseudonymKeyException("The key file names no current version ('current=')");
        }
        return new PseudonymKeyStore(keys, parseVersion(current.trim(), "current"));
    }

    /** Reads the keys from this process's environment variables. */
    public static PseudonymKeyStore fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Reads the keys from environment variables {@code GUICHET_PSEUDONYM_KEY_<version>} and {@code …_CURRENT}. */
    public static PseudonymKeyStore fromEnvironment(Map<String, String> environment) {
        SortedMap<Integer, byte[]> keys = new TreeMap<>();
        String current = null;
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String suffix = e.getKey().substring(ENV_PREFIX.length());
            if (suffix.equals("CURRENT")) {
                current = e.getValue().trim();
            } else {
                int version = parseVersion(suffix, e.getKey());
                keys.put(version, decode(e.getValue(), version));
            }
        }
        if (current == null) {
            throw new PseudonymKeyException("No " + ENV_PREFIX + "CURRENT environment variable");
        }
        return new PseudonymKeyStore(keys, parseVersion(current, ENV_PREFIX + "CURRENT"));
    }

    private static void checkOwnerOnly(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: permissions are the operator's responsibility
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new PseudonymKeyException("Cannot read the permissions of the key file " + file.getFileName());
        }
        Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
        open.retainAll(permissions);
        if (!open.isEmpty()) {
            throw new PseudonymKeyException("The key file " + file.getFileName()
                    + " is readable or writable by others than its owner (chmod 600)");
        }
    }

    private static int parseVersion(String text, String entry) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new PseudonymKeyException("'" + entry + "' does not name a key version number");
        }
    }

    private static byte[] decode(String base64, int version) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new PseudonymKeyException("Key version " + version + " is not valid base64");
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new PseudonymKeyException("Key version " + version + " is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return key;
    }

    /** The version new pseudonyms are made with: the highest one. */
    public int currentVersion() {
        return currentVersion;
    }

    public int firstVersion() {
        return keys.firstKey();
    }

    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keys.keySet()));
    }

    /** The raw key of one version; stays inside this package. */
    byte[] key(int version) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new PseudonymKeyException("No key for version " + version);
        }
        return key;
    }

    @Override
    public String toString() {
        return "PseudonymKeyStore[versions=" + keys.keySet() + ", current=" + currentVersion + "]";
    }
}
