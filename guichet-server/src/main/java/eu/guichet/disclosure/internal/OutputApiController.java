package eu.guichet.disclosure.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.disclosure.NewOutput;
import eu.guichet.disclosure.Output;
import eu.guichet.disclosure.OutputId;
import eu.guichet.disclosure.Outputs;
import eu.guichet.disclosure.ReleasedFile;
import eu.guichet.disclosure.ReviewDecision;
import eu.guichet.disclosure.TableSpec;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.workspace.WorkspaceId;

/**
 * Output control over the API: members of a workspace ask to release a saved query's result and download it once
 * released; output checkers read the queue and review. Object-level checks (membership, independence) are in
 * {@link Outputs}.
 */
@RestController
class OutputApiController {

    private final Outputs outputs;

    OutputApiController(Outputs outputs) {
        this.outputs = outputs;
    }

    /**
     * @param dimensions  the query's columns that are the table's dimensions (1 to 4)
     * @param contributor the column of who contributes: each contributor counts once in a frequency table
     * @param value       the column summed for a magnitude table; absent for a frequency table
     */
    record OutputRequest(UUID savedQueryId, String description, List<String> dimensions, String contributor,
            String value) {
    }

    record ReviewRequest(ReviewDecision decision, String comment) {
    }

    record Resubmission(String description) {
    }

    @PostMapping("/api/workspaces/{id}/outputs")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_ANALYST })
    ResponseEntity<Output> request(@PathVariable UUID id, @RequestBody OutputRequest body, CurrentUser caller) {
        Output o = outputs.request(new WorkspaceId(id), new NewOutput(body.savedQueryId(), body.description(),
                new TableSpec(body.dimensions() == null ? List.of() : body.dimensions(), body.contributor(),
                        Optional.ofNullable(body.value()).filter(v -> !v.isBlank()))), caller);
        return ResponseEntity.created(URI.create("/api/outputs/" + o.id())).body(o);
    }

    @GetMapping("/api/workspaces/{id}/outputs")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_ANALYST })
    List<Output> ofWorkspace(@PathVariable UUID id, CurrentUser caller) {
        return outputs.ofWorkspace(new WorkspaceId(id), caller);
    }

    @GetMapping("/api/outputs")
    @AllowRoles(Role.OUTPUT_CHECKER)
    List<Output> queue() {
        return outputs.queue();
    }

    @GetMapping("/api/outputs/{id}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_ANALYST, Role.OUTPUT_CHECKER })
    Output get(@PathVariable UUID id, CurrentUser caller) {
        return outputs.get(new OutputId(id), caller);
    }

    @PostMapping("/api/outputs/{id}/reviews")
    @AllowRoles(Role.OUTPUT_CHECKER)
    Output review(@PathVariable UUID id, @RequestBody ReviewRequest body, CurrentUser caller) {
        return outputs.review(new OutputId(id), body.decision(), body.comment(), caller);
    }

    @PostMapping("/api/outputs/{id}/resubmission")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_ANALYST })
    Output resubmit(@PathVariable UUID id, @RequestBody(required = false) Resubmission body, CurrentUser caller) {
        return outputs.resubmit(new OutputId(id), Optional.ofNullable(body).map(Resubmission::description), caller);
    }

    @PostMapping("/api/outputs/{id}/withdrawal")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_ANALYST })
    Output withdraw(@PathVariable UUID id, CurrentUser caller) {
        return outputs.withdraw(new OutputId(id), caller);
    }

    @GetMapping("/api/outputs/{id}/file")
    @AllowRoles(Role.APPLICANT)
    ResponseEntity<byte[]> file(@PathVariable UUID id, CurrentUser caller) {
        return download(outputs.file(new OutputId(id), caller));
    }

    /** The released CSV as an attachment, with its SHA-256 as ETag. */
    static ResponseEntity<byte[]> download(ReleasedFile f) {
        try {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.filename())
                            .build().toString())
                    .header("X-Content-Type-Options", "nosniff").eTag("\"" + f.sha256() + "\"")
                    .body(Files.readAllBytes(f.path()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
