package eu.guichet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import eu.guichet.audit.AuditEvent;
import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.ChainVerification;

/** The canonical form and hash of an event, and the walk that checks a chain of them. */
@Tag("unit")
class AuditChainTest {

    static final AuditEvent EVENT = new AuditEvent(42, UUID.fromString("0b6f7c52-6a1e-4f43-9d0e-5a4b1c2d3e4f"),
            Instant.parse("2026-03-01T10:15:30.123456Z"), "alice", "identity.user_created", "user",
            "7d9f3b2e-0000-4000-8000-000000000001", AuditOutcome.SUCCESS, "req-00000001",
            new TreeMap<>(java.util.Map.of("roles", "APPLICANT")), "a".repeat(64), null);

    // --- the hash covers every field --------------------------------------------------------------------------------

    static Stream<Arguments> oneFieldChanged() {
        return Stream.of(
                change("sequence", e -> with(e, b -> b.sequence = 43)),
                change("id", e -> with(e, b -> b.id = UUID.fromString("0b6f7c52-6a1e-4f43-9d0e-5a4b1c2d3e40"))),
                change("occurredAt (one microsecond)", e -> with(e, b -> b.occurredAt = b.occurredAt.plusNanos(1_000))),
                change("actor", e -> with(e, b -> b.actor = "alicf")),
                change("action", e -> with(e, b -> b.action = "identity.user_deleted")),
                change("objectType", e -> with(e, b -> b.objectType = "organisation")),
                change("objectType absent", e -> with(e, b -> b.objectType = null)),
                change("objectId", e -> with(e, b -> b.objectId = "7d9f3b2e-0000-4000-8000-000000000002")),
                change("outcome", e -> with(e, b -> b.outcome = AuditOutcome.DENIED)),
                change("requestId", e -> with(e, b -> b.requestId = "req-00000002")),
                change("requestId absent", e -> with(e, b -> b.requestId = null)),
                change("a detail's value", e -> with(e, b -> b.details.put("roles", "AUDITOR"))),
                change("a detail's key", e -> with(e, b -> {
                    b.details.remove("roles");
                    b.details.put("role", "APPLICANT");
                })),
                change("one more detail", e -> with(e, b -> b.details.put("by", "admin"))),
                change("no details", e -> with(e, b -> b.details.clear())),
                change("previousHash", e -> with(e, b -> b.previousHash = "b" + "a".repeat(63))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFieldChanged")
    void changing_any_single_field_changes_the_hash(String field, UnaryOperator<AuditEvent> change) {
        AuditEvent changed = change.apply(EVENT);

        assertThat(changed).isNotEqualTo(EVENT);
        assertThat(AuditChain.hash(changed)).isNotEqualTo(AuditChain.hash(EVENT));
    }

    @Test
    void the_hash_is_sha256_of_the_documented_canonical_form() throws Exception {
        AuditEvent event = with(EVENT, b -> {
            b.actor = "hélène"; // 6 characters, 8 UTF-8 bytes
            b.requestId = null;
        });
        String canonical = """
                2:42
                36:0b6f7c52-6a1e-4f43-9d0e-5a4b1c2d3e4f
                27:2026-03-01T10:15:30.123456Z
                8:hélène
                21:identity.user_created
                4:user
                36:7d9f3b2e-0000-4000-8000-000000000001
                7:SUCCESS
                -1:
                21:{"roles":"APPLICANT"}
                64:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                """;
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8)));

        assertThat(AuditChain.hash(event)).isEqualTo(expected)
                .as("the worked example of docs/explanation/audit-trail.md")
                .isEqualTo("441734a7ed6f5e4f9e4d60e8f2da9272be46b546ffb51465d414149d561a19ab");
    }

    @Test
    void timestamps_are_hashed_with_six_fraction_digits_whatever_their_value() throws Exception {
        AuditEvent onTheSecond = with(EVENT, b -> b.occurredAt = Instant.parse("2026-03-01T10:15:30Z"));

        String canonical = canonicalOf(onTheSecond);

        assertThat(canonical).contains("\n27:2026-03-01T10:15:30.000000Z\n");
    }

    @Test
    void length_prefixes_keep_adjacent_fields_apart() {
        AuditEvent abC = with(EVENT, b -> {
            b.objectType = "ab";
            b.objectId = "c";
        });
        AuditEvent aBc = with(EVENT, b -> {
            b.objectType = "a";
            b.objectId = "bc";
        });
        AuditEvent actorAction = with(EVENT, b -> {
            b.actor = "alice\n21:identity";
            b.action = ".user_created";
        });

        assertThat(AuditChain.hash(abC)).isNotEqualTo(AuditChain.hash(aBc));
        assertThat(AuditChain.hash(actorAction)).isNotEqualTo(AuditChain.hash(EVENT));
    }

    @Test
    void an_empty_field_and_an_absent_one_differ() {
        assertThat(AuditChain.hash(with(EVENT, b -> b.objectType = "")))
                .isNotEqualTo(AuditChain.hash(with(EVENT, b -> b.objectType = null)));
    }

    @Test
    void what_postgresql_does_not_keep_is_not_hashed() {
        AuditEvent nanos = with(EVENT, b -> b.occurredAt = b.occurredAt.plusNanos(999));

        assertThat(AuditChain.hash(nanos)).isEqualTo(AuditChain.hash(EVENT));
    }

    @Test
    void the_stored_hash_is_not_part_of_the_canonical_form() {
        assertThat(AuditChain.hash(with(EVENT, b -> b.hash = "f".repeat(64)))).isEqualTo(AuditChain.hash(EVENT));
    }

    // --- a chain built in memory ------------------------------------------------------------------------------------

    @Test
    void a_chain_built_in_memory_verifies() {
        List<AuditEvent> chain = chain(20);

        ChainVerification result = walk(chain, anchorsOf(chain, 5, 10, 20));

        assertThat(result.intact()).isTrue();
        assertThat(result.eventsChecked()).isEqualTo(20);
        assertThat(result.headSequence()).isEqualTo(20);
        assertThat(result.headHash()).isEqualTo(chain.get(19).hash());
        assertThat(result.anchoredSequence()).isEqualTo(20);
        assertThat(result.firstBrokenLink()).isEmpty();
    }

    @Test
    void an_empty_chain_without_anchors_verifies() {
        ChainVerification result = walk(List.of(), List.of());

        assertThat(result.intact()).isTrue();
        assertThat(result.headSequence()).isZero();
        assertThat(result.headHash()).isEqualTo(AuditChain.GENESIS);
    }

    @Test
    void each_kind_of_tampering_in_memory_is_reported_where_it_happens() {
        List<AuditEvent> chain = chain(12);
        List<AuditAnchors.Anchor> anchors = anchorsOf(chain, 3, 6, 9, 12);

        List<AuditEvent> altered = new ArrayList<>(chain);
        altered.set(6, with(chain.get(6), b -> b.actor = "mallory"));
        assertBroken(walk(altered, anchors), 7, "hash_mismatch");

        List<AuditEvent> deleted = new ArrayList<>(chain);
        deleted.remove(6);
        assertBroken(walk(deleted, anchors), 7, "missing");

        List<AuditEvent> swapped = new ArrayList<>(chain);
        Collections.swap(swapped, 4, 6);
        swapped.set(4, with(swapped.get(4), b -> b.sequence = 5));
        swapped.set(6, with(swapped.get(6), b -> b.sequence = 7));
        assertBroken(walk(swapped, anchors), 5, "previous_hash_mismatch");

        assertBroken(walk(chain.subList(0, 9), anchors), 10, "truncated");

        List<AuditEvent> rewritten = rewrittenFrom(chain, 6); // event 6 is anchored
        assertThat(walk(rewritten, List.of()).intact()).as("consistent without the anchors").isTrue();
        assertBroken(walk(rewritten, anchors), 6, "anchor_mismatch");

        // Rewritten from an event that is not anchored: found at the next anchored one.
        assertBroken(walk(rewrittenFrom(chain, 7), anchors), 9, "anchor_mismatch");
    }

    @Test
    void an_unreadable_row_is_reported_as_altered() {
        List<AuditEvent> chain = chain(5);
        ChainWalk walk = new ChainWalk(List.<AuditAnchors.Anchor>of().iterator());
        walk.check(chain.get(0));
        walk.check(chain.get(1));
        walk.unreadable(3, chain.get(2).hash(), "its details are not a JSON object of strings");
        walk.check(chain.get(3));
        walk.check(chain.get(4));

        ChainVerification result = walk.finish();

        assertBroken(result, 3, "hash_mismatch");
        assertThat(result.eventsChecked()).isEqualTo(2);
        assertThat(result.headSequence()).isEqualTo(5);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    static List<AuditEvent> chain(int length) {
        List<AuditEvent> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            int n = i;
            String prev = previous;
            AuditEvent event = seal(with(EVENT, b -> {
                b.sequence = n;
                b.id = new UUID(0, n);
                b.occurredAt = Instant.parse("2026-03-01T10:00:00Z").plusMillis(n);
                b.actor = "user" + n;
                b.previousHash = prev;
            }));
            chain.add(event);
            previous = event.hash();
        }
        return chain;
    }

    /** The chain from {@code sequence} on, altered there and re-sealed: internally consistent. */
    static List<AuditEvent> rewrittenFrom(List<AuditEvent> chain, long sequence) {
        List<AuditEvent> rewritten = new ArrayList<>(chain.subList(0, (int) sequence - 1));
        String previous = rewritten.isEmpty() ? AuditChain.GENESIS : rewritten.get(rewritten.size() - 1).hash();
        for (AuditEvent event : chain.subList((int) sequence - 1, chain.size())) {
            String prev = previous;
            AuditEvent changed = seal(with(event, b -> {
                b.previousHash = prev;
                if (b.sequence == sequence) {
                    b.actor = "mallory";
                }
            }));
            rewritten.add(changed);
            previous = changed.hash();
        }
        return rewritten;
    }

    static List<AuditAnchors.Anchor> anchorsOf(List<AuditEvent> chain, long... sequences) {
        return Arrays.stream(sequences).mapToObj(s -> new AuditAnchors.Anchor(s, chain.get((int) s - 1).hash()))
                .toList();
    }

    static ChainVerification walk(List<AuditEvent> events, List<AuditAnchors.Anchor> anchors) {
        ChainWalk walk = new ChainWalk(anchors.iterator());
        events.forEach(walk::check);
        return walk.finish();
    }

    static void assertBroken(ChainVerification result, long sequence, String problem) {
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenLink()).hasValueSatisfying(link -> {
            assertThat(link.sequence()).as("sequence").isEqualTo(sequence);
            assertThat(link.problem()).as("problem").isEqualTo(problem);
        });
    }

    static Arguments change(String field, UnaryOperator<AuditEvent> change) {
        return Arguments.of(field, change);
    }

    static AuditEvent seal(AuditEvent event) {
        return with(event, b -> b.hash = AuditChain.hash(event));
    }

    /** The canonical text of an event, built as documented. */
    static String canonicalOf(AuditEvent e) {
        StringBuilder out = new StringBuilder();
        for (String value : new String[] { Long.toString(e.sequence()), e.id().toString(),
                AuditChain.TIMESTAMP.format(e.occurredAt()), e.actor(), e.action(), e.objectType(), e.objectId(),
                e.outcome().name(), e.requestId(), AuditChain.detailsJson(e.details()), e.previousHash() }) {
            out.append(value == null ? "-1:" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value)
                    .append('\n');
        }
        return out.toString();
    }

    /** A mutable copy of an event's fields, for one-line changes. */
    static final class Builder {
        long sequence;
        UUID id;
        Instant occurredAt;
        String actor;
        String action;
        String objectType;
        String objectId;
        AuditOutcome outcome;
        String requestId;
        TreeMap<String, String> details;
        String previousHash;
        String hash;
    }

    static AuditEvent with(AuditEvent e, java.util.function.Consumer<Builder> change) {
        Builder b = new Builder();
        b.sequence = e.sequence();
        b.id = e.id();
        b.occurredAt = e.occurredAt();
        b.actor = e.actor();
        b.action = e.action();
        b.objectType = e.objectType();
        b.objectId = e.objectId();
        b.outcome = e.outcome();
        b.requestId = e.requestId();
        b.details = new TreeMap<>(e.details());
        b.previousHash = e.previousHash();
        b.hash = e.hash();
        change.accept(b);
        return new AuditEvent(b.sequence, b.id, b.occurredAt, b.actor, b.action, b.objectType, b.objectId, b.outcome,
                b.requestId, b.details, b.previousHash, b.hash);
    }
}
