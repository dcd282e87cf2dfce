package eu.guichet.access;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.internal.HolderRequestRepository;
import eu.guichet.access.internal.HoldersAsked;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;

/**
 * The requests the HDAB makes to data holders: during the assessment, a consultation of every holder of the datasets
 * asked (cost estimate, feasibility — the estimate becomes the holder's compensation line of the fee estimate); after
 * a grant, a data request per holder with its own HOLDER_DELIVERY clock (3 months, extendable once by the holder with
 * reasons); on receipt, the PROVISION clock (2 months for the HDAB to make the data available).
 */
@Service
public class HolderRequests {

    private final HolderRequestRepository repository;
    private final ApplicationManagement applications;
    private final CatalogueManagement catalogue;
    private final StatutoryClocks clocks;
    private final AuditTrail audit;
    private final java.time.Clock clock;
    private final ApplicationEventPublisher events;

    HolderRequests(HolderRequestRepository repository, ApplicationManagement applications,
            CatalogueManagement catalogue, StatutoryClocks clocks, AuditTrail audit, java.time.Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.applications = applications;
        this.catalogue = catalogue;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    /** The requests about an application, for whoever may see it. */
    public List<HolderRequest> ofApplication(ApplicationId id, CurrentUser caller) {
        applications.getApplication(id, caller);
        return repository.ofApplication(id);
    }

    /** A holder's requests; every open request for HDAB staff. */
    public List<HolderRequest> listRequests(CurrentUser caller) {
        if (caller.isHdabStaff()) {
            return repository.open();
        }
        return caller.organisationId().filter(o -> caller.hasRole(Role.DATA_HOLDER)).map(repository::ofHolder)
                .orElse(List.of());
    }

    /** A reviewer asks every holder of the datasets for its cost estimate and feasibility; returns the requests. */
    @Transactional
    public List<HolderRequest> consult(ApplicationId id, CurrentUser caller) {
        Application a = applications.getApplication(id, caller);
        if (ApplicationReview.actorOf(caller, a, "accept").filter(x -> x == ApplicationLifecycle.Actor.REVIEWER)
                .isEmpty()) {
            throw new AccessDenied("access.transition_not_yours", "An HDAB reviewer consults the holders.");
        }
        if (a.status() != ApplicationStatus.PRE_SCREENING && a.status() != ApplicationStatus.PROCESSING) {
            throw new InvalidTransitionException("access.not_processing",
                    "Holders are consulted while the application is assessed.");
        }
        int created = create(a, Optional.empty(), HolderRequest.Kind.CONSULTATION, null);
        audit.record(AuditRecord.success("access.holders_consulted", "application", id).with("holders", created));
        return repository.ofApplication(id);
    }

    /** After a grant: one data request per holder, each with its HOLDER_DELIVERY clock (in the grant's transaction). */
    int requestData(Application a, PermitId permit) {
        int created = create(a, Optional.of(permit), HolderRequest.Kind.DATA,
                clocks.start(StatutoryPeriod.HOLDER_DELIVERY));
        audit.record(AuditRecord.success("access.holders_asked_for_data", "permit", permit).with("holders", created));
        return created;
    }

    /** The holder answers a consultation: its compensation estimate (euros) and whether delivery is feasible. */
    @Transactional
    public HolderRequest answer(UUID id, BigDecimal costEstimate, String feasibility, CurrentUser caller) {
        HolderRequest r = lockOwn(id, caller);
        if (r.kind() != HolderRequest.Kind.CONSULTATION || r.status() != HolderRequest.Status.REQUESTED) {
            throw new InvalidTransitionException("access.holder_request_closed", "This request takes no answer now.");
        }
        if (costEstimate == null || costEstimate.signum() < 0 || costEstimate.scale() > 2) {
            throw new ValidationException("access.cost_estimate", "Give the compensation in euros, zero or more.",
                    List.of(new ValidationException.FieldError("costEstimate", "euros, 2 decimals at most")));
        }
        HolderRequest answered = r.answered(costEstimate.setScale(2, RoundingMode.UNNECESSARY),
                feasibility == null || feasibility.isBlank() ? null : feasibility.strip(), clock.instant());
        repository.update(answered, Optional.of(caller.id()));
        audit.record(AuditRecord.success("access.holder_request_answered", "holder_request", id)
                .with("application", r.applicationId()));
        return answered;
    }

    /** The holder extends its delivery period once, with reasons (Art. 60). */
    @Transactional
    public HolderRequest extend(UUID id, String reason, CurrentUser caller) {
        HolderRequest r = lockOwn(id, caller);
        if (r.kind() != HolderRequest.Kind.DATA || r.status() != HolderRequest.Status.REQUESTED
                || r.clock().isEmpty()) {
            throw new InvalidTransitionException("access.holder_request_closed", "Only a pending data request "
                    + "can be extended.");
        }
        HolderRequest extended = r.withClock(r.clock().get().extend(reason, clock.instant()));
        repository.update(extended, Optional.empty());
        audit.record(AuditRecord.success("access.holder_delivery_extended", "holder_request", id));
        return extended;
    }

    /** The HDAB received the holder's data: the PROVISION clock starts. */
    @Transactional
    public HolderRequest markReceived(UUID id, CurrentUser caller) {
        if (!caller.hasRole(Role.HDAB_ADMIN) && !caller.hasRole(Role.HDAB_REVIEWER)) {
            throw new AccessDenied("access.hdab_only", "HDAB staff record receipts.");
        }
        HolderRequest r = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        return received(r);
    }

    /** A delivery of {@code dataset} was accepted: every data request waiting for it is received. */
    @Transactional
    public int receivedDataset(DatasetId dataset) {
        int n = 0;
        for (HolderRequest r : repository.awaitingData(dataset)) {
            received(repository.findForUpdate(r.id()).orElseThrow());
            n++;
        }
        return n;
    }

    /** When an application closes, the requests still waiting for a holder are cancelled (same transaction). */
    @org.springframework.context.event.EventListener
    void on(ApplicationStatusChanged changed) {
        if (changed.status().isClosed()) {
            cancelWaiting(repository.ofApplication(changed.applicationId()));
        }
    }

    /** When a permit is revoked, its data requests still waiting for a holder are cancelled (same transaction). */
    @org.springframework.context.event.EventListener
    void on(PermitRevoked revoked) {
        cancelWaiting(repository.ofPermit(revoked.permitId()));
    }

    private void cancelWaiting(List<HolderRequest> requests) {
        for (HolderRequest r : requests) {
            if (r.status() == HolderRequest.Status.REQUESTED) {
                repository.update(r.cancelled(), Optional.empty());
                audit.record(AuditRecord.success("access.holder_request_cancelled", "holder_request", r.id())
                        .by("system"));
            }
        }
    }

    private HolderRequest received(HolderRequest r) {
        if (r.kind() != HolderRequest.Kind.DATA || r.status() != HolderRequest.Status.REQUESTED) {
            throw new InvalidTransitionException("access.holder_request_closed", "No pending data request.");
        }
        Instant now = clock.instant();
        HolderRequest delivered = r.delivered(now, clocks.start(StatutoryPeriod.PROVISION, now));
        repository.update(delivered, Optional.empty());
        audit.record(AuditRecord.success("access.holder_data_received", "holder_request", r.id())
                .with("application", r.applicationId()));
        return delivered;
    }

    /** Creates one request per holder of the application's datasets; returns how many were new. */
    private int create(Application a, Optional<PermitId> permit, HolderRequest.Kind kind, StatutoryClock started) {
        Map<OrganisationId, List<DatasetId>> byHolder = new LinkedHashMap<>();
        for (DatasetId d : ApplicationManagement.datasetIds(a)) {
            catalogue.findPublished(d).flatMap(eu.guichet.catalogue.Dataset::holder)
                    .ifPresent(h -> byHolder.computeIfAbsent(h, x -> new java.util.ArrayList<>()).add(d));
        }
        Instant now = clock.instant();
        List<HolderRequest> created = new java.util.ArrayList<>();
        for (var e : byHolder.entrySet()) {
            HolderRequest r = new HolderRequest(UUID.randomUUID(), a.id(), permit, e.getKey(), kind,
                    HolderRequest.Status.REQUESTED, e.getValue(), now, Optional.ofNullable(started), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            if (repository.insertIfAbsent(r)) {
                created.add(r);
            }
        }
        if (!created.isEmpty()) {
            events.publishEvent(new HoldersAsked(a, created));
        }
        return created.size();
    }

    private HolderRequest lockOwn(UUID id, CurrentUser caller) {
        HolderRequest r = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!caller.hasRole(Role.DATA_HOLDER) || !caller.belongsTo(r.holder())) {
            throw notFound(id);
        }
        return r;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("access.holder_request_not_found", "No request " + id + " to your organisation.");
    }
}
