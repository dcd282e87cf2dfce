package eu.guichet.ingest.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.tabular.DeliveryReport;
import eu.guichet.dataplane.tabular.ProfileSampleReport;
import eu.guichet.ingest.Delivery;
import eu.guichet.ingest.DeliveryAccepted;
import eu.guichet.ingest.DeliveryId;
import eu.guichet.ingest.DeliveryLifecycle;
import eu.guichet.ingest.DeliveryStatus;
import eu.guichet.ingest.ProfileFinding;
import eu.guichet.ingest.ProfileSample;
import eu.guichet.ingest.QuarantineReason;
import eu.guichet.ingest.TableOutcome;
import eu.guichet.problem.InvalidTransitionException;

/**
 * The workers' moves of a delivery, each in its own transaction with its audit event (actor {@code system}). Only the
 * moves of {@link DeliveryLifecycle} are made.
 */
@Component
class DeliveryTransitions {

    private final DeliveryRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryTransitions(DeliveryRepository repository, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** RECEIVED → PROCESSING, or PROCESSING → PROCESSING when resumed after a restart; empty when already done. */
    @Transactional
    public Optional<Delivery> start(DeliveryId id) {
        Delivery d = repository.find(id).orElseThrow();
        if (d.status().terminal()) {
            return Optional.empty();
        }
        move(d, DeliveryStatus.PROCESSING);
        audit.record(AuditRecord.success(d.status() == DeliveryStatus.RECEIVED ? "ingest.delivery_processing"
                : "ingest.delivery_resumed", "delivery", id).with("dataset", d.dataset()));
        return repository.find(id);
    }

    /**
     * Records what the data plane did. A DUPLICATE answer for a version no other delivery published means this
     * delivery published it before a crash let it record so: it is ACCEPTED.
     */
    @Transactional
    public DeliveryStatus finish(DeliveryId id, DeliveryReport report) {
        Delivery d = repository.find(id).orElseThrow();
        boolean published = report.outcome() == DeliveryReport.Outcome.PUBLISHED
                || repository.findPublisher(d.dataset(), report.version()).filter(p -> !p.equals(id)).isEmpty();
        DeliveryStatus to = published ? DeliveryStatus.ACCEPTED : DeliveryStatus.DUPLICATE;
        List<TableOutcome> tables = report.tables().stream().map(DeliveryTransitions::outcome).toList();
        repository.recordOutcome(id, Optional.of(report.version()), Optional.of(report.deliverySha256()),
                Optional.empty(), tables, clock.instant());
        move(d, to);
        long accepted = tables.stream().mapToLong(TableOutcome::recordsAccepted).sum();
        long rejected = tables.stream().mapToLong(TableOutcome::recordsRejected).sum();
        audit.record(AuditRecord.success(to == DeliveryStatus.ACCEPTED ? "ingest.delivery_accepted"
                : "ingest.delivery_duplicate", "delivery", id).with("dataset", d.dataset())
                .with("version", report.version()).with("tables", tables.size()).with("accepted", accepted)
                .with("rejected", rejected));
        if (to == DeliveryStatus.ACCEPTED) {
            events.publishEvent(new DeliveryAccepted(d.dataset(), report.version()));
        }
        return to;
    }

    /** PROCESSING → REJECTED or FAILED, with why: names and codes only. */
    @Transactional
    public void end(DeliveryId id, DeliveryStatus to, String problem) {
        Delivery d = repository.find(id).orElseThrow();
        String why = problem.length() > 500 ? problem.substring(0, 500) : problem;
        repository.recordOutcome(id, Optional.empty(), Optional.empty(), Optional.of(why), List.of(),
                clock.instant());
        move(d, to);
        audit.record(AuditRecord.success(to == DeliveryStatus.REJECTED ? "ingest.delivery_rejected"
                : "ingest.delivery_failed", "delivery", id).with("dataset", d.dataset()));
    }

    private void move(Delivery d, DeliveryStatus to) {
        if (!DeliveryLifecycle.allows(d.status(), to) || !repository.updateStatus(d.id(), d.status(), to,
                clock.instant())) {
            throw new InvalidTransitionException("ingest.invalid_transition",
                    "Delivery " + d.id() + " cannot move from " + d.status() + " to " + to + ".");
        }
    }

    static TableOutcome outcome(eu.guichet.dataplane.tabular.TableReport t) {
        return new TableOutcome(t.table(), t.recordsRead(), t.recordsAccepted(), t.recordsRejected(),
                t.missingColumns(), t.extraColumns(), t.issues().stream()
                        .map(i -> new QuarantineReason(i.reason(), i.column(), i.records())).toList(),
                t.profileSample() == null ? null : sample(t.profileSample()));
    }

    private static ProfileSample sample(ProfileSampleReport p) {
        return new ProfileSample(p.recordsSampled(), p.oversizedSkipped(), p.recordsWithErrors(),
                p.recordsWithWarnings(), p.findings().stream()
                        .map(f -> new ProfileFinding(f.severity(), f.messageId(), f.path(), f.records())).toList(),
                p.findingsLeftOut());
    }
}
