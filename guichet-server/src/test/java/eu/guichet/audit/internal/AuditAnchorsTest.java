package eu.guichet.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file: append-only, strictly increasing, read in a stream up to a length. */
@Tag("unit")
class AuditAnchorsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void anchors_are_appended_in_increasing_order_and_an_older_head_is_not_written_after_a_newer_one() {
        AuditAnchors anchors = anchors();

        anchors.append(1, hash('1'));
        anchors.append(3, hash('3'));
        anchors.append(2, hash('2')); // committed before 3 but anchored after it
        anchors.append(3, hash('x'));

        assertThat(readAll(anchors)).extracting(AuditAnchors.Anchor::sequence).containsExactly(1L, 3L);
        assertThat(readAll(anchors).get(1).hash()).isEqualTo(hash('3'));
    }

    @Test
    void the_newest_anchor_is_read_from_the_file_so_a_restart_does_not_forget_it() {
        anchors().append(5, hash('5'));

        AuditAnchors afterRestart = anchors();
        afterRestart.append(4, hash('4'));
        afterRestart.append(6, hash('6'));

        assertThat(readAll(afterRestart)).extracting(AuditAnchors.Anchor::sequence).containsExactly(5L, 6L);
    }

    @Test
    void a_torn_last_line_does_not_swallow_the_next_anchor() throws IOException {
        AuditAnchors anchors = anchors();
        anchors.append(1, hash('1'));
        Files.writeString(file(), "2 " + hash('2').substring(0, 10), StandardOpenOption.APPEND);

        anchors.append(2, hash('2'));

        assertThat(readAll(anchors)).extracting(AuditAnchors.Anchor::sequence).containsExactly(1L, 2L);
    }

    @Test
    void unreadable_and_out_of_order_lines_are_skipped_when_reading() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), String.join("\n", "1 " + hash('1') + " t", "garbage", "3 " + hash('3') + " t",
                "2 " + hash('2') + " t", "", "4 not-a-hash t", "5 " + hash('5') + " t") + "\n");

        assertThat(readAll(anchors())).extracting(AuditAnchors.Anchor::sequence).containsExactly(1L, 3L, 5L);
    }

    @Test
    void junk_at_the_end_does_not_hide_the_newest_anchor_from_the_next_append() throws IOException {
        AuditAnchors anchors = anchors();
        anchors.append(7, hash('7'));
        Files.writeString(file(), "\njunk\n\n", StandardOpenOption.APPEND);

        anchors.append(6, hash('6'));
        anchors.append(8, hash('8'));

        assertThat(readAll(anchors)).extracting(AuditAnchors.Anchor::sequence).containsExactly(7L, 8L);
    }

    @Test
    void reading_stops_at_the_length_measured_before() {
        AuditAnchors anchors = anchors();
        anchors.append(1, hash('1'));
        anchors.append(2, hash('2'));
        long measured = anchors.size();
        anchors.append(3, hash('3'));

        List<AuditAnchors.Anchor> read = new ArrayList<>();
        try (AuditAnchors.Reader reader = anchors.read(measured)) {
            reader.forEachRemaining(read::add);
        }

        assertThat(read).extracting(AuditAnchors.Anchor::sequence).containsExactly(1L, 2L);
    }

    /** Needs root on a file system with attributes (ext4...): skipped elsewhere. */
    @Test
    void anchors_are_appended_to_a_file_that_is_append_only_for_everybody() throws Exception {
        AuditAnchors anchors = anchors();
        anchors.append(1, hash('1'));
        assumeTrue(chattr("+a"), "chattr +a is not available here");
        try {
            anchors.append(2, hash('2'));

            assertThat(readAll(anchors)).extracting(AuditAnchors.Anchor::sequence).containsExactly(1L, 2L);
        } finally {
            assertThat(chattr("-a")).isTrue();
        }
    }

    private boolean chattr(String change) throws IOException, InterruptedException {
        try {
            Process chattr = new ProcessBuilder("chattr", change, file().toString()).redirectErrorStream(true).start();
            chattr.getInputStream().transferTo(OutputStream.nullOutputStream());
            return chattr.waitFor() == 0;
        } catch (IOException noChattr) {
            return false;
        }
    }

    @Test
    void no_file_yet_means_no_anchors() {
        AuditAnchors anchors = anchors();

        assertThat(anchors.size()).isZero();
        assertThat(readAll(anchors)).isEmpty();
    }

    @Test
    void each_line_is_sequence_hash_and_instant() throws IOException {
        anchors().append(9, hash('9'));

        assertThat(Files.readString(file(), StandardCharsets.UTF_8))
                .isEqualTo("9 " + hash('9') + " 2026-03-01T10:00:00Z\n");
    }

    private AuditAnchors anchors() {
        return new AuditAnchors(new AuditProperties(file()), CLOCK);
    }

    private Path file() {
        return dir.resolve("audit/anchors.log");
    }

    private static List<AuditAnchors.Anchor> readAll(AuditAnchors anchors) {
        List<AuditAnchors.Anchor> all = new ArrayList<>();
        try (AuditAnchors.Reader reader = anchors.read(anchors.size())) {
            reader.forEachRemaining(all::add);
        }
        return all;
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64).replace('x', 'e');
    }
}
