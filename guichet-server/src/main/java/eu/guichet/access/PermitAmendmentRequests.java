package eu.guichet.access;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.internal.AmendmentRequested;
import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;

/**
 * The applicant or the principal investigator asks for an amendment of an active permit (EHDS Art. 68(12)): the
 * request is a message on the application, which the deciders are told of; a decider then amends the permit
 * ({@link PermitManagement#amend}).
 */
@Service
public class PermitAmendmentRequests {

    private final PermitManagement permits;
    private final ApplicationManagement applications;
    private final ApplicationRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    PermitAmendmentRequests(PermitManagement permits, ApplicationManagement applications,
            ApplicationRepository repository, AuditTrail audit, ApplicationEventPublisher events) {
        this.permits = permits;
        this.applications = applications;
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    /** Sends the request (what should change, and why) to the HDAB; returns it as the application's message. */
    @Transactional
    public ApplicationMessage request(PermitId id, String request, CurrentUser caller) {
        Permit p = permits.getPermit(id, caller);
        Application a = repository.find(p.applicationId()).orElseThrow();
        boolean pi = p.terms().members().stream().anyMatch(m -> m.principalInvestigator()
                && m.userId().equals(caller.id()));
        if (!pi && !a.isOwnedBy(caller.id())) {
            throw new AccessDenied("access.not_permit_holder",
                    "The applicant or the principal investigator asks for an amendment.");
        }
        if (!p.status().isActive()) {
            throw new InvalidTransitionException("access.permit_not_amendable",
                    "Only an active permit is amended (EHDS Art. 68(12)).");
        }
        ApplicationMessage message = applications.sendMessage(a.id(), request, caller);
        events.publishEvent(new AmendmentRequested(p, a, message.body()));
        audit.record(AuditRecord.success("access.permit_amendment_requested", "permit", id));
        return message;
    }
}
