package eu.guichet.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.tabular.DeliveryProcessor;
import eu.guichet.ingest.internal.ChunkWriter;
import eu.guichet.ingest.internal.DeliveryFiles;
import eu.guichet.ingest.internal.IngestProperties;
import eu.guichet.ingest.internal.UploadRepository;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.CurrentUser;

/**
 * Resumable uploads for large files, in the manner of tus and Google Cloud Storage: create a session (name and size),
 * append chunks at the received offset ({@code Content-Range}), ask for the offset after an interruption, complete
 * with the whole file's SHA-256. Chunks stream to disk and are flushed before the new offset is answered, so an
 * answered offset survives a crash. A session belongs to the user who created it; to others it does not exist.
 */
@Service
public class Uploads {

    private final UploadRepository repository;
    private final DeliveryFiles files;
    private final IngestProperties settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final ConcurrentHashMap<UploadId, ReentrantLock> appending = new ConcurrentHashMap<>();

    Uploads(UploadRepository repository, DeliveryFiles files, IngestProperties settings, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.files = files;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a session for one file of {@code size} bytes. */
    @Transactional
    public Upload create(String fileName, long size, CurrentUser caller) {
        String name = DeliveryFiles.checkName(fileName);
        if (size < 1 || size > settings.maxUploadSize()) {
            throw new ValidationException("ingest.upload_size_invalid",
                    "An upload's size is between 1 and " + settings.maxUploadSize() + " bytes.");
        }
        Upload upload = new Upload(UploadId.random(), caller.id(), name, size, 0, UploadStatus.OPEN,
                Optional.empty(), clock.instant());
        try {
            Path file = files.upload(upload.id());
            Files.createDirectories(file.getParent());
            Files.createFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create an upload file", e);
        }
        repository.insert(upload);
        audit.record(AuditRecord.success("ingest.upload_created", "upload", upload.id()).with("size", size));
        return upload;
    }

    /** The session with its received offset: where the next chunk starts. */
    @Transactional(readOnly = true)
    public Upload getUpload(UploadId id, CurrentUser caller) {
        Upload u = repository.find(id).filter(x -> x.owner().equals(caller.id())).orElseThrow(() -> notFound(id));
        return withOffset(u);
    }

    /**
     * Appends a chunk that starts at {@code start}, which must be the received offset (409 otherwise, the problem
     * naming the offset), and holds {@code length} bytes. A body cut short keeps what arrived: ask the offset and
     * go on from there.
     */
    public Upload append(UploadId id, long start, long length, InputStream body, CurrentUser caller) {
        Upload upload = getUpload(id, caller);
        if (upload.status() != UploadStatus.OPEN) {
            throw new ConflictException("ingest.upload_closed", "Upload " + id + " is " + upload.status() + ".");
        }
        if (length < 1 || start + length > upload.size()) {
            throw new ValidationException("ingest.chunk_range_invalid",
                    "The chunk goes beyond the file's declared size of " + upload.size() + " bytes.");
        }
        ReentrantLock lock = appending.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw new ConflictException("ingest.upload_busy", "Another chunk of upload " + id + " is being received.");
        }
        try {
            ChunkWriter.Appended appended = ChunkWriter.append(files.upload(id), start, length, body);
            return new Upload(upload.id(), upload.owner(), upload.fileName(), upload.size(), appended.offset(),
                    upload.status(), upload.sha256(), upload.createdAt());
        } catch (ChunkWriter.OffsetMismatch e) {
            throw new ConflictException("ingest.upload_offset_mismatch",
                    "The chunk starts at " + start + " but " + e.offset() + " bytes are received.");
        } catch (IOException e) {
            // the connection broke mid-chunk: what arrived is kept (and flushed); the client asks for the offset
            throw new ConflictException("ingest.chunk_interrupted", "The chunk was cut short; ask for the offset.");
        } finally {
            lock.unlock();
            appending.remove(id, lock); // a concurrent chunk was refused, not queued: nobody waits for this lock
        }
    }

    /**
     * Closes the session once every byte is received, checking the SHA-256 the client computed (when given) against
     * the file's. On a mismatch the received bytes are dropped and the upload starts again from 0.
     */
    @Transactional
    public Upload complete(UploadId id, String sha256, CurrentUser caller) {
        Upload upload = repository.findForUpdate(id).filter(x -> x.owner().equals(caller.id()))
                .map(this::withOffset).orElseThrow(() -> notFound(id));
        if (upload.status() != UploadStatus.OPEN) {
            return upload;
        }
        if (upload.offset() != upload.size()) {
            throw new ConflictException("ingest.upload_incomplete",
                    upload.offset() + " of " + upload.size() + " bytes are received.");
        }
        String actual = DeliveryProcessor.sha256(files.upload(id));
        if (sha256 != null && !sha256.isBlank() && !actual.equals(sha256.trim().toLowerCase(Locale.ROOT))) {
            try (FileChannel out = FileChannel.open(files.upload(id), StandardOpenOption.WRITE)) {
                out.truncate(0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot reset an upload", e);
            }
            throw new ValidationException("ingest.upload_hash_mismatch",
                    "The received file's SHA-256 is not the one given: upload it again from offset 0.");
        }
        repository.complete(id, actual);
        audit.record(AuditRecord.success("ingest.upload_completed", "upload", id).with("size", upload.size())
                .with("sha256", actual));
        return new Upload(id, upload.owner(), upload.fileName(), upload.size(), upload.size(), UploadStatus.COMPLETE,
                Optional.of(actual), upload.createdAt());
    }

    private Upload withOffset(Upload u) {
        Path file = files.upload(u.id());
        long offset;
        try {
            offset = u.status() == UploadStatus.OPEN ? Files.size(file) : u.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an upload's offset", e);
        }
        return new Upload(u.id(), u.owner(), u.fileName(), u.size(), offset, u.status(), u.sha256(), u.createdAt());
    }

    static NotFoundException notFound(UploadId id) {
        return new NotFoundException("ingest.upload_not_found", "No upload " + id + ".");
    }
}
