package eu.guichet.ingest.internal;

import static eu.guichet.security.Role.DATA_HOLDER;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.ingest.Upload;
import eu.guichet.ingest.UploadId;
import eu.guichet.ingest.Uploads;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;

/**
 * The resumable upload protocol, for the API ({@code /api/deliveries/uploads}, HTTP Basic or bearer token) and for
 * the upload page's script ({@code /holder/uploads}, the signed-in session with its CSRF token). Every answer carries
 * the received offset in {@code Upload-Offset}; {@code HEAD} on a session answers it without a body.
 */
@RestController
@AllowRoles(DATA_HOLDER)
class UploadsController {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    private final Uploads uploads;

    UploadsController(Uploads uploads) {
        this.uploads = uploads;
    }

    record NewUpload(String fileName, Long size) {
    }

    record Completion(String sha256) {
    }

    @PostMapping({ "/api/deliveries/uploads", "/holder/uploads" })
    ResponseEntity<Upload> create(@RequestBody NewUpload body, CurrentUser caller) {
        Upload u = uploads.create(body.fileName(), body.size() == null ? 0 : body.size(), caller);
        return ResponseEntity.created(URI.create("/api/deliveries/uploads/" + u.id()))
                .header("Upload-Offset", Long.toString(u.offset())).body(u);
    }

    @GetMapping({ "/api/deliveries/uploads/{id}", "/holder/uploads/{id}" })
    ResponseEntity<Upload> get(@PathVariable UUID id, CurrentUser caller) {
        return withOffset(uploads.getUpload(new UploadId(id), caller));
    }

    /** One chunk: {@code Content-Range: bytes <first>-<last>/<size>}, the body holding those bytes. */
    @PutMapping({ "/api/deliveries/uploads/{id}", "/holder/uploads/{id}" })
    ResponseEntity<Upload> append(@PathVariable UUID id,
            @RequestHeader(name = "Content-Range", required = false) String range, InputStream body,
            CurrentUser caller) throws IOException {
        Matcher m = range == null ? null : CONTENT_RANGE.matcher(range.trim());
        if (m == null || !m.matches()) {
            throw new ValidationException("ingest.content_range_invalid",
                    "A chunk needs a header Content-Range: bytes <first>-<last>/<size>.");
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        if (last < first) {
            throw new ValidationException("ingest.content_range_invalid", "The chunk's last byte precedes its first.");
        }
        return withOffset(uploads.append(new UploadId(id), first, last - first + 1, body, caller));
    }

    @PostMapping({ "/api/deliveries/uploads/{id}/complete", "/holder/uploads/{id}/complete" })
    ResponseEntity<Upload> complete(@PathVariable UUID id, @RequestBody(required = false) Completion body,
            CurrentUser caller) {
        return withOffset(uploads.complete(new UploadId(id), body == null ? null : body.sha256(), caller));
    }

    private static ResponseEntity<Upload> withOffset(Upload u) {
        return ResponseEntity.ok().header("Upload-Offset", Long.toString(u.offset()))
                .header("Cache-Control", "no-store").body(u);
    }
}
