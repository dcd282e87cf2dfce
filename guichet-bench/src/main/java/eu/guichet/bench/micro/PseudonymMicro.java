package eu.guichet.bench.micro;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.ProjectPseudonymiser;
import eu.guichet.dataplane.pseudonym.PseudonymKeyStore;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * The inner loop of every pseudonymisation (deliveries, opt-outs, extracts): one identifier in, one pseudonym out.
 * {@link #bareHmac} is the baseline, the physical limit the tabular bench row compares with: the JDK's HMAC-SHA256 of
 * the identifier's bytes and nothing else. The others add, in turn, what a real pseudonym costs: the national
 * identifier's normalisation, the domain prefix, the key-version chain ({@code keyVersions} > 1 after rotations,
 * one more HMAC per rotation), the Base32 text; and the per-project pseudonym an extract makes of a national one.
 * The identifiers cycle over 4,096 synthetic NIR-shaped values, so nothing is answered from a cache.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PseudonymMicro {

    private static final int IDS = 4096;

    /** Key versions in the key store: 1 (never rotated) or 3 (rotated twice; pseudonyms chain every version). */
    @Param({"1", "3"})
    public int keyVersions;

    private final String[] nirs = new String[IDS];
    private final byte[][] nirBytes = new byte[IDS][];
    private final String[] national = new String[IDS];
    private Mac mac;
    private Pseudonymiser pseudonymiser;
    private ProjectPseudonymiser project;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Map<Integer, byte[]> keys = new HashMap<>();
        for (int v = 1; v <= keyVersions; v++) {
            keys.put(v, MessageDigest.getInstance("SHA-256")
                    .digest(("guichet-micro-key-" + v).getBytes(StandardCharsets.UTF_8)));
        }
        pseudonymiser = new Pseudonymiser(PseudonymKeyStore.of(keyVersions, keys));
        project = pseudonymiser.forProject("MICRO-PERMIT");
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.get(1), "HmacSHA256"));
        for (int i = 0; i < IDS; i++) {
            nirs[i] = String.format("%d%02d%02d%05d%03d", 1 + i % 2, 40 + i % 60, 1 + i % 12, 75000 + i, i % 1000);
            nirBytes[i] = nirs[i].getBytes(StandardCharsets.UTF_8);
            national[i] = pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nirs[i]);
        }
    }

    private int index() {
        next = (next + 1) & (IDS - 1);
        return next;
    }

    /** Baseline: the bare HMAC-SHA256 of the identifier's bytes (the tabular row's physical limit). */
    @Benchmark
    public byte[] bareHmac() {
        return mac.doFinal(nirBytes[index()]);
    }

    /** The national identifier's normalisation alone (spaces, dots, dashes removed, upper case). */
    @Benchmark
    public String normaliseNational() {
        return IdentifierDomain.NATIONAL.normalise(nirs[index()]);
    }

    /** What a delivery pays per distinct national identifier: normalise, prefix, HMAC chain, Base32 text. */
    @Benchmark
    public String nationalPseudonym() {
        return pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nirs[index()]);
    }

    /** What an extract pays per distinct person: the project pseudonym of a national pseudonym. */
    @Benchmark
    public String projectPseudonym() {
        return project.pseudonym(national[index()]);
    }
}
