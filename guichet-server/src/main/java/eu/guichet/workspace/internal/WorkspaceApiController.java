package eu.guichet.workspace.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;
import eu.guichet.workspace.Job;
import eu.guichet.workspace.QueryLogEntry;
import eu.guichet.workspace.QueryPreview;
import eu.guichet.workspace.SavedQueries;
import eu.guichet.workspace.SavedQuery;
import eu.guichet.workspace.Workspace;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.WorkspaceJobs;
import eu.guichet.workspace.Workspaces;

/**
 * Workspaces over the API: members list and enter them, run queries (a capped preview comes back), keep saved
 * queries, read the history, run jobs. Researchers (APPLICANT) and HDAB analysts (the workspace of a statistical
 * answer's analysis) may call; the object-level check (a member of an open
 * workspace of an active permit) refuses the others with 404 or 409.
 */
@RestController
@AllowRoles({ Role.APPLICANT, Role.HDAB_ANALYST })
class WorkspaceApiController {

    private final Workspaces workspaces;
    private final SavedQueries saved;
    private final WorkspaceJobs jobs;

    WorkspaceApiController(Workspaces workspaces, SavedQueries saved, WorkspaceJobs jobs) {
        this.workspaces = workspaces;
        this.saved = saved;
        this.jobs = jobs;
    }

    record QueryRequest(String sql) {
    }

    record SavedQueryRequest(String name, String sql) {
    }

    record JobRequest(String script) {
    }

    @GetMapping("/api/workspaces")
    List<Workspace> list(CurrentUser caller) {
        return workspaces.list(caller);
    }

    @GetMapping("/api/workspaces/{id}")
    Workspace get(@PathVariable UUID id, CurrentUser caller) {
        return workspaces.get(new WorkspaceId(id), caller);
    }

    @GetMapping("/api/workspaces/{id}/tables")
    List<String> tables(@PathVariable UUID id, CurrentUser caller) {
        return workspaces.tables(new WorkspaceId(id), caller);
    }

    @PostMapping("/api/workspaces/{id}/queries")
    QueryPreview query(@PathVariable UUID id, @RequestBody QueryRequest body, CurrentUser caller) {
        return workspaces.query(new WorkspaceId(id), body.sql(), caller);
    }

    @PostMapping("/api/workspaces/{id}/cancel")
    Map<String, Boolean> cancel(@PathVariable UUID id, CurrentUser caller) {
        return Map.of("cancelled", workspaces.cancel(new WorkspaceId(id), caller));
    }

    @GetMapping("/api/workspaces/{id}/history")
    List<QueryLogEntry> history(@PathVariable UUID id, CurrentUser caller) {
        return workspaces.history(new WorkspaceId(id), caller);
    }

    @GetMapping("/api/workspaces/{id}/saved-queries")
    List<SavedQuery> savedQueries(@PathVariable UUID id, CurrentUser caller) {
        return saved.list(new WorkspaceId(id), caller);
    }

    @PostMapping("/api/workspaces/{id}/saved-queries")
    ResponseEntity<SavedQuery> save(@PathVariable UUID id, @RequestBody SavedQueryRequest body, CurrentUser caller) {
        SavedQuery q = saved.save(new WorkspaceId(id), body.name(), body.sql(), caller);
        return ResponseEntity.created(URI.create("/api/workspaces/" + id + "/saved-queries/" + q.id())).body(q);
    }

    @GetMapping("/api/workspaces/{id}/saved-queries/{queryId}")
    SavedQuery savedQuery(@PathVariable UUID id, @PathVariable UUID queryId, CurrentUser caller) {
        return saved.get(new WorkspaceId(id), queryId, caller);
    }

    @PutMapping("/api/workspaces/{id}/saved-queries/{queryId}")
    SavedQuery update(@PathVariable UUID id, @PathVariable UUID queryId, @RequestBody SavedQueryRequest body,
            CurrentUser caller) {
        return saved.update(new WorkspaceId(id), queryId, body.name(), body.sql(), caller);
    }

    @DeleteMapping("/api/workspaces/{id}/saved-queries/{queryId}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID queryId, CurrentUser caller) {
        saved.delete(new WorkspaceId(id), queryId, caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/workspaces/{id}/jobs")
    ResponseEntity<Job> submit(@PathVariable UUID id, @RequestBody JobRequest body, CurrentUser caller) {
        Job job = jobs.submit(new WorkspaceId(id), body.script(), caller);
        return ResponseEntity.accepted().location(URI.create("/api/workspaces/" + id + "/jobs/" + job.id())).body(job);
    }

    @GetMapping("/api/workspaces/{id}/jobs/{jobId}")
    Job job(@PathVariable UUID id, @PathVariable UUID jobId, CurrentUser caller) {
        return jobs.get(new WorkspaceId(id), jobId, caller);
    }

    @PostMapping("/api/workspaces/{id}/jobs/{jobId}/cancel")
    Job cancelJob(@PathVariable UUID id, @PathVariable UUID jobId, CurrentUser caller) {
        return jobs.cancel(new WorkspaceId(id), jobId, caller);
    }

    /** The HDAB lifts a user's exhausted daily preview budget. */
    @PostMapping("/api/workspaces/preview-budgets/{userId}/lift")
    @AllowRoles(Role.HDAB_ADMIN)
    ResponseEntity<Void> lift(@PathVariable UUID userId, CurrentUser caller) {
        workspaces.liftBudget(new UserId(userId), caller);
        return ResponseEntity.noContent().build();
    }
}
