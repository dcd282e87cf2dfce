package eu.guichet.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import eu.guichet.access.ApplicationDocument;
import eu.guichet.access.ApplicationDocuments;
import eu.guichet.access.ApplicationId;
import eu.guichet.problem.GuichetException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * The documents attached to an application (ethics opinion, protocol...), on its pages: the applicant attaches one
 * while the application awaits them; whoever may see the application downloads them. {@link ApplicationDocuments}
 * checks who may do what.
 */
@Controller
class ApplicationDocumentPagesController {

    private final ApplicationDocuments documents;
    private final PageRefusals refusals;

    ApplicationDocumentPagesController(ApplicationDocuments documents, PageRefusals refusals) {
        this.documents = documents;
        this.refusals = refusals;
    }

    @PostMapping(path = "/applications/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @AllowRoles(Role.APPLICANT)
    String attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "kind", defaultValue = "OTHER") ApplicationDocument.Kind kind, CurrentUser caller,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            documents.attach(new ApplicationId(id), kind, file.getOriginalFilename(), file.getContentType(),
                    file.getBytes(), caller);
            redirect.addFlashAttribute("moved", "document_attached");
        } catch (GuichetException | AccessDenied e) {
            redirect.addFlashAttribute("refused", refusals.codeOf(e, request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/applications/" + id + "#documents";
    }

    @GetMapping("/applications/{id}/documents/{documentId}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ANALYST, Role.HDAB_ADMIN,
            Role.AUDITOR })
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID documentId, CurrentUser caller) {
        ApplicationId applicationId = new ApplicationId(id);
        ApplicationDocument d = documents.find(applicationId, documentId, caller);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(documents.content(applicationId, documentId, caller));
    }
}
