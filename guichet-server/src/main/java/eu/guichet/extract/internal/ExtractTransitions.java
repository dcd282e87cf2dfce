package eu.guichet.extract.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.access.PermitId;
import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.extract.ExtractLifecycle;
import eu.guichet.extract.ExtractReady;
import eu.guichet.extract.ExtractState;
import eu.guichet.extract.ExtractStatus;
import eu.guichet.problem.InvalidTransitionException;

/** Every move of an extract, each in its transaction with its audit record (last). */
@Component
class ExtractTransitions {

    private final ExtractRepository repository;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExtractTransitions(ExtractRepository repository, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    static String extractId(PermitId permit, int version) {
        return permit + "-v" + version;
    }

    /** Records a permit version's extract, BUILDING or WAITING_DATA; older versions' extracts are superseded. */
    @Transactional
    boolean request(PermitId permit, int version, String scope, boolean dataPresent) {
        if (repository.find(permit, version).isPresent()) {
            return false;
        }
        Instant now = now();
        ExtractStatus status = dataPresent ? ExtractStatus.BUILDING : ExtractStatus.WAITING_DATA;
        repository.insert(permit, version, extractId(permit, version), status, scope, now);
        for (ExtractState older : repository.olderThan(permit, version)) {
            if (ExtractLifecycle.allows(older.status(), ExtractStatus.SUPERSEDED)) {
                repository.move(permit, older.version(), older.status(), ExtractStatus.SUPERSEDED, older.reason(),
                        now);
            }
        }
        audit.record(AuditRecord.success("extract.requested", "permit", permit).with("version", version)
                .with("status", status));
        return true;
    }

    /** WAITING_DATA → BUILDING once every dataset has a lake version. */
    @Transactional
    boolean dataArrived(PermitId permit, int version) {
        if (!repository.move(permit, version, ExtractStatus.WAITING_DATA, ExtractStatus.BUILDING, Optional.empty(),
                now())) {
            return false;
        }
        audit.record(AuditRecord.success("extract.build_started", "permit", permit).with("version", version));
        return true;
    }

    @Transactional
    void ready(PermitId permit, int version, String evidence, java.nio.file.Path database, int files) {
        if (!repository.ready(permit, version, evidence, now())) {
            return;
        }
        events.publishEvent(new ExtractReady(permit, version, extractId(permit, version), database));
        audit.record(AuditRecord.success("extract.ready", "permit", permit).with("version", version)
                .with("files", files));
    }

    @Transactional
    void failed(PermitId permit, int version, String reason, Optional<String> evidence) {
        if (!repository.move(permit, version, ExtractStatus.BUILDING, ExtractStatus.FAILED, Optional.of(reason),
                now())) {
            return;
        }
        evidence.ifPresent(e -> repository.evidence(permit, version, e));
        audit.record(AuditRecord.success("extract.failed", "permit", permit).with("version", version)
                .with("reason", reason));
    }

    /** HDAB staff retry a failed build: FAILED → BUILDING, or 409. */
    @Transactional
    ExtractState retry(PermitId permit) {
        Optional<ExtractState> latest = repository.latest(permit);
        if (latest.isEmpty() || latest.get().status() != ExtractStatus.FAILED || !repository.move(permit,
                latest.get().version(), ExtractStatus.FAILED, ExtractStatus.BUILDING, Optional.empty(), now())) {
            throw new InvalidTransitionException("extract.not_failed", "Only a failed extract is built again; this one"
                    + " is " + latest.map(s -> s.status().name()).orElse("not recorded yet") + ".");
        }
        ExtractState state = latest.get();
        audit.record(AuditRecord.success("extract.retried", "permit", permit).with("version", state.version())
                .with("previous_reason", state.reason().orElse("")));
        return repository.find(permit, state.version()).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
