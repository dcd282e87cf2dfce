package eu.guichet.access.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.HolderRequest;
import eu.guichet.access.HolderRequests;
import eu.guichet.security.AllowRoles;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.Role;

/**
 * REST API of the requests to data holders: a reviewer consults the holders of an application; a holder answers
 * (cost estimate, feasibility) and may extend its delivery period once; HDAB staff record the receipt of data.
 */
@RestController
class HolderRequestApiController {

    private final HolderRequests requests;
    private final java.time.Clock clock;

    HolderRequestApiController(HolderRequests requests, java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    private List<HolderRequestView> views(List<HolderRequest> list) {
        return list.stream().map(r -> HolderRequestView.of(r, clock)).toList();
    }

    record Answer(BigDecimal costEstimate, String feasibility) {
    }

    record Extension(String reason) {
    }

    @GetMapping("/api/applications/{id}/holder-requests")
    @AllowRoles({ Role.APPLICANT, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    List<HolderRequestView> ofApplication(@PathVariable UUID id, CurrentUser caller) {
        return views(requests.ofApplication(new ApplicationId(id), caller));
    }

    @PostMapping("/api/applications/{id}/holder-requests")
    @AllowRoles(Role.HDAB_REVIEWER)
    List<HolderRequestView> consult(@PathVariable UUID id, CurrentUser caller) {
        return views(requests.consult(new ApplicationId(id), caller));
    }

    /** The caller's organisation's requests (data holders), or every open request (HDAB staff). */
    @GetMapping("/api/holder-requests")
    @AllowRoles({ Role.DATA_HOLDER, Role.HDAB_REVIEWER, Role.HDAB_DECIDER, Role.HDAB_ADMIN, Role.AUDITOR })
    List<HolderRequestView> list(CurrentUser caller) {
        return views(requests.listRequests(caller));
    }

    @PostMapping("/api/holder-requests/{id}/answer")
    @AllowRoles(Role.DATA_HOLDER)
    HolderRequestView answer(@PathVariable UUID id, @RequestBody Answer body, CurrentUser caller) {
        return HolderRequestView.of(requests.answer(id, body.costEstimate(), body.feasibility(), caller), clock);
    }

    @PostMapping("/api/holder-requests/{id}/extension")
    @AllowRoles(Role.DATA_HOLDER)
    HolderRequestView extend(@PathVariable UUID id, @RequestBody Extension body, CurrentUser caller) {
        return HolderRequestView.of(requests.extend(id, body.reason(), caller), clock);
    }

    @PostMapping("/api/holder-requests/{id}/receipt")
    @AllowRoles({ Role.HDAB_ADMIN, Role.HDAB_REVIEWER })
    HolderRequestView receipt(@PathVariable UUID id, CurrentUser caller) {
        return HolderRequestView.of(requests.markReceived(id, caller), clock);
    }
}
