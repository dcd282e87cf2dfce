package eu.guichet.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import eu.guichet.access.ApplicationDocument;
import eu.guichet.access.ApplicationDocuments;
import eu.guichet.access.ApplicationId;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/** Documents attached to an application: multipart upload by the applicant, download by whoever may see it. */
@RestController
@RequestMapping("/api/applications/{id}/documents")
class ApplicationDocumentsApiController {

    private final ApplicationDocuments documents;

    ApplicationDocumentsApiController(ApplicationDocuments documents) {
        this.documents = documents;
    }

    @GetMapping
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    List<ApplicationDocument> list(@PathVariable UUID id, CurrentUser caller) {
        return documents.list(new ApplicationId(id), caller);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AllowRoles(Role.APPLICANT)
    ResponseEntity<ApplicationDocument> attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "kind", defaultValue = "OTHER") ApplicationDocument.Kind kind, CurrentUser caller) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(documents.attach(new ApplicationId(id), kind,
                    file.getOriginalFilename(), file.getContentType(), file.getBytes(), caller));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{documentId}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID documentId, CurrentUser caller) {
        ApplicationId applicationId = new ApplicationId(id);
        ApplicationDocument d = documents.find(applicationId, documentId, caller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.filename(),
                        java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(documents.content(applicationId, documentId, caller));
    }
}
