package eu.guichet.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chain's anchors outside the database: one line {@code <sequence> <hash> <instant>} appended to a file each
 * time a transaction that wrote audit events commits. Only ever appended to.
 */
@Component
class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    private final Path file;
    private final Clock clock;
    private long lastWritten = -1;

    AuditAnchors(AuditProperties properties, Clock clock) {
        this.file = properties.anchorFile().toAbsolutePath();
        this.clock = clock;
    }

    /** A recorded head of the chain. */
    record Anchor(long sequence, String hash) {
    }

    synchronized void append(long sequence, String hash) {
        if (sequence <= lastWritten) {
            return; // a later head is already anchored (commits may finish out of order)
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sequence + " " + hash + " " + clock.instant() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            lastWritten = sequence;
        } catch (IOException e) {
            // The event itself is committed; a missing anchor weakens truncation detection, so say so loudly.
            log.error("Could not append audit anchor {} to {}", sequence, file, e);
        }
    }

    List<Anchor> readAll() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Anchor> anchors = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length >= 2) {
                    anchors.add(new Anchor(Long.parseLong(parts[0]), parts[1]));
                }
            }
            return anchors;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read audit anchors " + file, e);
        }
    }

    Optional<Anchor> latest() {
        return readAll().stream().reduce((a, b) -> b.sequence() >= a.sequence() ? b : a);
    }

    Path file() {
        return file;
    }
}
