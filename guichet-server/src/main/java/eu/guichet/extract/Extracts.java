package eu.guichet.extract;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.extract.internal.ExtractService;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;

/**
 * The extract module's API: a permit's extract (its latest version's) as those who may see the permit see it — its
 * members and applicant, HDAB staff, auditors — and the retry of a failed build by HDAB staff.
 */
@Service
public class Extracts {

    private final PermitManagement permits;
    private final ExtractService service;

    Extracts(PermitManagement permits, ExtractService service) {
        this.permits = permits;
        this.service = service;
    }

    /**
     * The permit's latest extract, empty while the grant's or amendment's event is not handled yet; 404 when the
     * caller may not see the permit.
     */
    @Transactional(readOnly = true)
    public Optional<ExtractState> get(PermitId permit, CurrentUser caller) {
        permits.getPermit(permit, caller);
        return find(permit);
    }

    /** The permit's latest extract, if any (no access check: callers check the permit first). */
    public Optional<ExtractState> find(PermitId permit) {
        return service.latest(permit);
    }

    public boolean canRetry(CurrentUser caller) {
        return caller.isHdabStaff() && !caller.hasRole(eu.guichet.security.Role.AUDITOR);
    }

    /** Builds a failed extract again (HDAB staff); 409 when it has not failed. */
    public ExtractState retry(PermitId permit, CurrentUser caller) {
        get(permit, caller);
        if (!canRetry(caller)) {
            throw new AccessDenied("extract.retry_hdab_only", "Only HDAB staff build an extract again.");
        }
        return service.retry(permit);
    }
}
