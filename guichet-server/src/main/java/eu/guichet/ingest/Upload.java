package eu.guichet.ingest;

import java.time.Instant;
import java.util.Optional;

import eu.guichet.security.UserId;

/**
 * A resumable upload session: one file sent in chunks ({@code Content-Range}), whose received offset survives a
 * crash, completed with the SHA-256 of the whole file, then delivered.
 *
 * @param offset bytes received so far: the next chunk starts here
 */
public record Upload(UploadId id, UserId owner, String fileName, long size, long offset, UploadStatus status,
        Optional<String> sha256, Instant createdAt) {
}
