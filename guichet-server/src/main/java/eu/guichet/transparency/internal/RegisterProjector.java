package eu.guichet.transparency.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.guichet.access.ApplicationReceived;
import eu.guichet.access.ApplicationStatusChanged;
import eu.guichet.access.DecisionIssued;
import eu.guichet.access.PermitAmended;
import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitExtended;
import eu.guichet.access.PermitGranted;
import eu.guichet.access.PermitRevoked;
import eu.guichet.access.PermitScope;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.access.StatutoryPeriod;
import eu.guichet.transparency.PermitStatus;
import eu.guichet.transparency.RegisterDataset;

/**
 * Feeds the register from the access module's events, after their transaction commits; a failed update stays in the
 * event publication registry and is retried. Events are handled concurrently and may arrive in any order, so each
 * one sets only the facts it carries, idempotently ({@link RegisterWriter}); what the register shows is derived when
 * read. Decisions are published as soon as they arrive, with the deadline they
 * had to meet (30 working days, {@link StatutoryPeriod#DECISION_PUBLICATION}) recorded beside the publication
 * instant. Not audited: these rows repeat changes the access module audited.
 */
@Component
class RegisterProjector {

    private static final Logger log = LoggerFactory.getLogger(RegisterProjector.class);

    private final RegisterWriter writer;
    private final DatasetTitles names;
    private final StatutoryClocks clocks;
    private final Clock clock;

    RegisterProjector(RegisterWriter writer, DatasetTitles names, StatutoryClocks clocks, Clock clock) {
        this.writer = writer;
        this.names = names;
        this.clocks = clocks;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ApplicationReceived event) {
        List<RegisterDataset> datasets = event.datasets().stream()
                .map(id -> names.dataset(id, Optional.empty())).toList();
        writer.receive(event.applicationId(), event.kind(), event.applicantOrganisation(),
                names.organisation(event.applicantOrganisation()), event.title(), event.purposes(), datasets,
                event.receivedAt());
        log.info("Register: application {} received", event.applicationId());
    }

    @ApplicationModuleListener
    void on(ApplicationStatusChanged event) {
        writer.changeStatus(event.applicationId(), event.status(), event.at());
    }

    @ApplicationModuleListener
    void on(DecisionIssued event) {
        Instant due = clocks.start(StatutoryPeriod.DECISION_PUBLICATION, event.decidedAt()).dueAt();
        writer.decide(event.applicationId(), event.outcome(), event.justification(), event.permitId(),
                event.documentSha256(), event.decidedAt(), due, clock.instant());
        log.info("Register: decision on {} published ({})", event.applicationId(), event.outcome());
    }

    @ApplicationModuleListener
    void on(PermitGranted event) {
        writer.grant(event.permitId(), event.applicationId(), event.version(), datasets(event.scope()),
                event.members(), event.grantedAt(), event.validUntil());
    }

    @ApplicationModuleListener
    void on(PermitAmended event) {
        writer.amend(event.permitId(), event.version(), datasets(event.scope()), event.members(),
                event.amendedAt());
    }

    @ApplicationModuleListener
    void on(PermitExtended event) {
        writer.extend(event.permitId(), event.version(), event.validUntil(), event.extendedAt());
    }

    @ApplicationModuleListener
    void on(PermitRevoked event) {
        writer.end(event.permitId(), PermitStatus.REVOKED, event.reason(), event.revokedAt());
    }

    @ApplicationModuleListener
    void on(PermitExpired event) {
        writer.end(event.permitId(), PermitStatus.EXPIRED, null, event.expiredAt());
    }

    private List<RegisterDataset> datasets(PermitScope scope) {
        return scope.datasets().stream().map(d -> names.dataset(d.datasetId(), Optional.ofNullable(d.identifier())))
                .toList();
    }
}
