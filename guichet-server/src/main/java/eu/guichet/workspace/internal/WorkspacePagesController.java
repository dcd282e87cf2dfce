package eu.guichet.workspace.internal;

import static eu.guichet.security.Role.APPLICANT;
import static eu.guichet.security.Role.HDAB_ANALYST;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.guichet.audit.AuditOutcome;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.workspace.QueryPreview;
import eu.guichet.workspace.SavedQueries;
import eu.guichet.workspace.SavedQuery;
import eu.guichet.workspace.Workspace;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.WorkspaceStatus;
import eu.guichet.workspace.Workspaces;

/**
 * The workspace console: the list of the caller's workspaces, and one workspace's page with its tables, an SQL editor,
 * the results grid (a capped preview, never a download), saved queries and the history. Results are rendered in the
 * response to the form, never stored.
 */
@Controller
@AllowRoles({ APPLICANT, HDAB_ANALYST })
class WorkspacePagesController {

    private final Workspaces workspaces;
    private final SavedQueries saved;
    private final AuditTrail audit;

    WorkspacePagesController(Workspaces workspaces, SavedQueries saved, AuditTrail audit) {
        this.workspaces = workspaces;
        this.saved = saved;
        this.audit = audit;
    }

    @GetMapping("/workspaces")
    String list(Model model, CurrentUser caller) {
        model.addAttribute("workspaces", workspaces.list(caller));
        return "workspace/workspaces";
    }

    @GetMapping("/workspaces/{id}")
    String console(@PathVariable UUID id, @RequestParam(required = false) UUID saved, Model model, CurrentUser caller,
            HttpServletRequest request) {
        String sql = saved == null ? null : this.saved.get(new WorkspaceId(id), saved, caller).sql();
        return page(new WorkspaceId(id), model, caller, sql, null, null, null, request);
    }

    @PostMapping("/workspaces/{id}/queries")
    String run(@PathVariable UUID id, @RequestParam(required = false) String sql, Model model, CurrentUser caller,
            HttpServletRequest request) {
        WorkspaceId workspace = new WorkspaceId(id);
        try {
            QueryPreview preview = workspaces.query(workspace, sql, caller);
            return page(workspace, model, caller, sql, preview, null, null, request);
        } catch (GuichetException | AccessDenied e) {
            return page(workspace, model, caller, sql, null, codeOf(e, request), e.getMessage(), request);
        }
    }

    @PostMapping("/workspaces/{id}/saved-queries")
    String save(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String sql, Model model, CurrentUser caller, HttpServletRequest request) {
        WorkspaceId workspace = new WorkspaceId(id);
        try {
            SavedQuery q = saved.save(workspace, name, sql, caller);
            return "redirect:/workspaces/" + id + "?saved=" + q.id();
        } catch (GuichetException | AccessDenied e) {
            return page(workspace, model, caller, sql, null, codeOf(e, request), null, request);
        }
    }

    @PostMapping("/workspaces/{id}/saved-queries/{queryId}/delete")
    String delete(@PathVariable UUID id, @PathVariable UUID queryId, Model model, CurrentUser caller,
            HttpServletRequest request) {
        WorkspaceId workspace = new WorkspaceId(id);
        try {
            saved.delete(workspace, queryId, caller);
            return "redirect:/workspaces/" + id;
        } catch (GuichetException | AccessDenied e) {
            return page(workspace, model, caller, null, null, codeOf(e, request), null, request);
        }
    }

    private String page(WorkspaceId id, Model model, CurrentUser caller, String sql, QueryPreview preview,
            String refusal, String engineMessage, HttpServletRequest request) {
        Workspace w = workspaces.get(id, caller);
        model.addAttribute("workspace", w);
        model.addAttribute("open", w.status() == WorkspaceStatus.OPEN);
        List<String> tables = List.of();
        Optional<String> tablesRefusal = Optional.empty();
        if (w.status() == WorkspaceStatus.OPEN) {
            try {
                tables = workspaces.tables(id, caller);
            } catch (GuichetException | AccessDenied e) {
                tablesRefusal = Optional.of(codeOf(e, request));
            }
        }
        model.addAttribute("tables", tables);
        model.addAttribute("tablesRefusal", tablesRefusal.orElse(null));
        model.addAttribute("sql", sql);
        model.addAttribute("preview", preview);
        model.addAttribute("refusal", refusal);
        model.addAttribute("engineMessage", refusal != null && refusal.startsWith("workspace.query_")
                ? engineMessage : null);
        model.addAttribute("savedQueries", saved.list(id, caller));
        model.addAttribute("history", workspaces.history(id, caller).stream().limit(20).toList());
        model.addAttribute("budgetLeft", workspaces.budgetLeft(caller.id()));
        return "workspace/workspace";
    }

    private String codeOf(RuntimeException e, HttpServletRequest request) {
        if (e instanceof NotFoundException) {
            throw e;
        }
        if (e instanceof AccessDenied denied) {
            audit.recordIndependently(AuditRecord.of("access.denied", AuditOutcome.DENIED)
                    .on("endpoint", request.getMethod() + " " + request.getRequestURI()).with("code", denied.code()));
            return denied.code();
        }
        return ((GuichetException) e).code();
    }
}
