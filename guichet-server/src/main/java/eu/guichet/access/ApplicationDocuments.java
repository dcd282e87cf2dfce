package eu.guichet.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.internal.ApplicationDocumentRepository;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;

/**
 * Documents attached to an application — the ethics opinion, the protocol: the applicant attaches them while the
 * application is editable; whoever may see the application may read them. Kept with their SHA-256.
 */
@Service
public class ApplicationDocuments {

    /** 20 MB: protocols and opinions are text documents. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "text/plain",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ApplicationDocumentRepository repository;
    private final ApplicationManagement applications;
    private final AuditTrail audit;
    private final java.time.Clock clock;

    ApplicationDocuments(ApplicationDocumentRepository repository, ApplicationManagement applications,
            AuditTrail audit, java.time.Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ApplicationDocument> list(ApplicationId id, CurrentUser caller) {
        applications.getApplication(id, caller);
        return repository.list(id);
    }

    /** The document's bytes, for whoever may see the application. */
    public byte[] content(ApplicationId id, UUID documentId, CurrentUser caller) {
        applications.getApplication(id, caller);
        return repository.content(id, documentId).orElseThrow(() -> new NotFoundException(
                "access.document_not_found", "No document " + documentId + " in this application."));
    }

    public ApplicationDocument find(ApplicationId id, UUID documentId, CurrentUser caller) {
        return list(id, caller).stream().filter(d -> d.id().equals(documentId)).findFirst().orElseThrow(
                () -> new NotFoundException("access.document_not_found", "No document " + documentId
                        + " in this application."));
    }

    @Transactional
    public ApplicationDocument attach(ApplicationId id, ApplicationDocument.Kind kind, String filename,
            String mediaType, byte[] content, CurrentUser caller) {
        Application a = applications.getApplication(id, caller);
        if (!a.isOwnedBy(caller.id())) {
            throw new AccessDenied("access.not_applicant", "Only the applicant attaches documents.");
        }
        if (a.status() != ApplicationStatus.DRAFT && a.status() != ApplicationStatus.AWAITING_ADDITIONAL_INFORMATION
                && a.status() != ApplicationStatus.AWAITING_CLARIFICATION) {
            throw new InvalidTransitionException("access.not_editable",
                    "Documents are attached while the application is a draft or awaits the applicant.");
        }
        String type = mediaType == null ? "" : mediaType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!MEDIA_TYPES.contains(type)) {
            throw new ValidationException("access.document_type",
                    "Attach a PDF, OpenDocument, Word or plain text document.",
                    List.of(new ValidationException.FieldError("file", type)));
        }
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new ValidationException("access.document_size", "A document has 1 byte to 20 MB.",
                    List.of(new ValidationException.FieldError("file", content.length + " bytes")));
        }
        String name = filename == null || filename.isBlank() ? "document" : filename.replaceAll("[\\\\/\\p{Cntrl}]", "_")
                .strip();
        ApplicationDocument d = new ApplicationDocument(UUID.randomUUID(), kind == null ? ApplicationDocument.Kind.OTHER
                : kind, name.length() > 200 ? name.substring(0, 200) : name, type, content.length, sha256(content),
                caller.id(), clock.instant());
        repository.insert(id, d, content);
        audit.record(AuditRecord.success("access.document_attached", "application", id).with("document", d.id())
                .with("kind", d.kind()).with("sha256", d.sha256()));
        return d;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
