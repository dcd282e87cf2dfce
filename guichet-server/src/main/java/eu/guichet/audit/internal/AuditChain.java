package eu.guichet.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

import eu.guichet.audit.AuditEvent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash chain's arithmetic: the canonical form of an event and its SHA-256. The canonical form is language-neutral
 * so an auditor can recompute it with their own tool (docs/explanation/audit-trail.md): each field, in a fixed
 * order, as {@code <length in UTF-8 bytes>:<value>\n}, or {@code -1:\n} when absent. Length-prefixing means no two
 * different events share a canonical form; the previous hash is part of it, which links the chain.
 */
final class AuditChain {

    /** The previous hash of the first event. */
    static final String GENESIS = "0".repeat(64);

    /** Timestamps in the canonical form: UTC, always six fraction digits (what PostgreSQL keeps). */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> DETAILS = new TypeReference<>() {
    };

    private AuditChain() {
    }

    /** PostgreSQL keeps microseconds: hash what the database will give back. */
    static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** The details as stored and hashed: a compact JSON object, keys sorted. */
    static String detailsJson(SortedMap<String, String> details) {
        return JSON.writeValueAsString(new TreeMap<>(details));
    }

    static TreeMap<String, String> parseDetails(String json) {
        return JSON.readValue(json, DETAILS);
    }

    static String hash(AuditEvent e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(e.sequence()));
        field(canonical, e.id().toString());
        field(canonical, TIMESTAMP.format(storedPrecision(e.occurredAt())));
        field(canonical, e.actor());
        field(canonical, e.action());
        field(canonical, e.objectType());
        field(canonical, e.objectId());
        field(canonical, e.outcome().name());
        field(canonical, e.requestId());
        field(canonical, detailsJson(e.details()));
        field(canonical, e.previousHash());
        return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value);
        }
        out.append('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
