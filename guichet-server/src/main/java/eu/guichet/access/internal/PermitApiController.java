package eu.guichet.access.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.access.Amendment;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.Permit;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.PermitVersion;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/** REST API of permits (API.md): read, amend, extend, revoke. */
@RestController
@RequestMapping("/api/permits")
class PermitApiController {

    private final PermitManagement permits;

    PermitApiController(PermitManagement permits) {
        this.permits = permits;
    }

    /** A permit with all its versions, the current one last. */
    record PermitView(Permit permit, List<PermitVersion> versions) {
    }

    record AmendmentRequest(String reason, List<ApplicationForm.TeamMember> members,
            List<ApplicationForm.RequestedDataset> addedDatasets, String conditions) {
    }

    record ExtensionRequest(Integer months, String reason) {
    }

    record RevocationRequest(String reason) {
    }


    @GetMapping
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    List<Permit> list(CurrentUser caller) {
        return permits.listPermits(caller);
    }

    @GetMapping("/{id}")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    PermitView get(@PathVariable UUID id, CurrentUser caller) {
        PermitId permitId = new PermitId(id);
        return new PermitView(permits.getPermit(permitId, caller), permits.versions(permitId, caller));
    }

    @PostMapping("/{id}/amendments")
    @AllowRoles(Role.HDAB_DECIDER)
    ResponseEntity<Permit> amend(@PathVariable UUID id, @RequestBody AmendmentRequest body, CurrentUser caller) {
        Permit p = permits.amend(new PermitId(id), new Amendment(body.members(), body.addedDatasets(),
                body.conditions()), body.reason(), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(p);
    }

    /** The permit's holder asks (at least a month before expiry); an HDAB decider then grants it. */
    @PostMapping("/{id}/extension")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_DECIDER })
    Permit extend(@PathVariable UUID id, @RequestBody ExtensionRequest body, CurrentUser caller) {
        if (body.months() == null) {
            throw new ValidationException("access.extension_length", "Say how many months (1 to 120).",
                    List.of(new ValidationException.FieldError("months", "required")));
        }
        return permits.extend(new PermitId(id), body.months(), body.reason(), caller);
    }

    @PostMapping("/{id}/revocation")
    @AllowRoles(Role.HDAB_DECIDER)
    Permit revoke(@PathVariable UUID id, @RequestBody RevocationRequest body, CurrentUser caller) {
        return permits.revoke(new PermitId(id), body.reason(), caller);
    }
}
