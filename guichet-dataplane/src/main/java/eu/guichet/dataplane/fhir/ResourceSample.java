package eu.guichet.dataplane.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A uniform random sample of one resource type's records, taken while they stream (reservoir sampling, Vitter's
 * Algorithm R): at most {@code size} raw resources are held, each record offered has the same chance to be kept. The
 * generator is seeded from the delivery's content hash and the resource type, so the same delivery samples the same
 * records. Records larger than {@link #MAX_RESOURCE_CHARS} are not offered to the reservoir (counted apart), which
 * bounds the memory held. The resources are raw health data: they stay in memory, are never logged, and are dropped
 * once validated.
 */
final class ResourceSample {

    /** The largest resource (in characters of JSON) kept in a sample: larger ones are skipped and counted. */
    static final int MAX_RESOURCE_CHARS = 64 * 1024;

    private final int size;
    private final SplittableRandom random;
    private final List<String> kept;
    private long offered;
    private long oversized;

    ResourceSample(int size, String deliveryHash, String resourceType) {
        this.size = size;
        this.random = new SplittableRandom(seed(deliveryHash, resourceType));
        this.kept = new ArrayList<>(Math.min(size, 1024));
    }

    /** The seed of a type's sample: the first 64 bits of the delivery hash, mixed with the type's name. */
    static long seed(String deliveryHash, String resourceType) {
        long h = Long.parseUnsignedLong(deliveryHash.substring(0, 16), 16);
        for (int i = 0; i < resourceType.length(); i++) {
            h = h * 31 + resourceType.charAt(i);
        }
        return h;
    }

    /** Offers one record's resource JSON to the sample. */
    void offer(String resource) {
        if (size == 0) {
            return;
        }
        if (resource.length() > MAX_RESOURCE_CHARS) {
            oversized++;
            return;
        }
        offered++;
        if (kept.size() < size) {
            kept.add(resource);
        } else {
            long slot = random.nextLong(offered);
            if (slot < size) {
                kept.set((int) slot, resource);
            }
        }
    }

    /** The sampled resources, in reservoir order. */
    List<String> resources() {
        return kept;
    }

    /** Records not sampled because they were larger than {@link #MAX_RESOURCE_CHARS}. */
    long oversized() {
        return oversized;
    }
}
