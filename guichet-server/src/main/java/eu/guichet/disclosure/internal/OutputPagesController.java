package eu.guichet.disclosure.internal;

import static eu.guichet.security.Role.APPLICANT;
import static eu.guichet.security.Role.HDAB_ANALYST;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import eu.guichet.disclosure.NewOutput;
import eu.guichet.disclosure.Output;
import eu.guichet.disclosure.OutputId;
import eu.guichet.disclosure.Outputs;
import eu.guichet.disclosure.TableSpec;
import eu.guichet.problem.GuichetException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.workspace.SavedQueries;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.Workspaces;

/**
 * The requester's pages: a workspace's outputs with the form asking to release a saved query's result, one output's
 * check findings (without values), reviews and, once released, its download.
 */
@Controller
@AllowRoles({ APPLICANT, HDAB_ANALYST })
class OutputPagesController {

    private final Outputs outputs;
    private final Workspaces workspaces;
    private final SavedQueries saved;

    OutputPagesController(Outputs outputs, Workspaces workspaces, SavedQueries saved) {
        this.outputs = outputs;
        this.workspaces = workspaces;
        this.saved = saved;
    }

    record Form(String savedQueryId, String description, String dimensions, String contributor, String value) {
    }

    @GetMapping("/workspaces/{id}/outputs")
    String list(@PathVariable UUID id, @RequestParam(required = false) UUID saved, Model model, CurrentUser caller) {
        return page(new WorkspaceId(id), new Form(saved == null ? null : saved.toString(), null, null, null, null),
                null, model, caller);
    }

    @PostMapping("/workspaces/{id}/outputs")
    String request(@PathVariable UUID id, @RequestParam(required = false) String savedQueryId,
            @RequestParam(required = false) String description, @RequestParam(required = false) String dimensions,
            @RequestParam(required = false) String contributor, @RequestParam(required = false) String value,
            Model model, CurrentUser caller) {
        WorkspaceId workspace = new WorkspaceId(id);
        Form form = new Form(savedQueryId, description, dimensions, contributor, value);
        try {
            Output o = outputs.request(workspace, new NewOutput(uuid(savedQueryId), description, new TableSpec(
                    columns(dimensions), contributor == null ? null : contributor.strip(),
                    Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty()))), caller);
            return "redirect:/outputs/" + o.id();
        } catch (NotFoundException e) {
            if (e.code().startsWith("workspace.saved")) {
                return page(workspace, form, e.code(), model, caller);
            }
            throw e;
        } catch (GuichetException e) {
            return page(workspace, form, e.code(), model, caller);
        }
    }

    @GetMapping("/outputs/{id}")
    String output(@PathVariable UUID id, Model model, CurrentUser caller) {
        return output(id, null, model, caller);
    }

    private String output(UUID id, String refusal, Model model, CurrentUser caller) {
        model.addAttribute("output", outputs.get(new OutputId(id), caller));
        model.addAttribute("refusal", refusal);
        return "disclosure/output";
    }

    @PostMapping("/outputs/{id}/resubmission")
    String resubmit(@PathVariable UUID id, @RequestParam(required = false) String description, Model model,
            CurrentUser caller) {
        try {
            outputs.resubmit(new OutputId(id), Optional.ofNullable(description), caller);
            return "redirect:/outputs/" + id;
        } catch (NotFoundException e) {
            throw e;
        } catch (GuichetException e) {
            return output(id, e.code(), model, caller);
        }
    }

    @PostMapping("/outputs/{id}/withdrawal")
    String withdraw(@PathVariable UUID id, Model model, CurrentUser caller) {
        try {
            outputs.withdraw(new OutputId(id), caller);
            return "redirect:/outputs/" + id;
        } catch (NotFoundException e) {
            throw e;
        } catch (GuichetException e) {
            return output(id, e.code(), model, caller);
        }
    }

    @GetMapping("/outputs/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable UUID id, CurrentUser caller) {
        return OutputApiController.download(outputs.file(new OutputId(id), caller));
    }

    private String page(WorkspaceId id, Form form, String refusal, Model model, CurrentUser caller) {
        model.addAttribute("workspace", workspaces.get(id, caller));
        model.addAttribute("savedQueries", saved.list(id, caller));
        model.addAttribute("outputs", outputs.ofWorkspace(id, caller));
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        return "disclosure/outputs";
    }

    private static UUID uuid(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> columns(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
