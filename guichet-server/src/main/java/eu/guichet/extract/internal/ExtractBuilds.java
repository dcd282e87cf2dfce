package eu.guichet.extract.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.FileSystemUtils;

import eu.guichet.access.AnalysisOpened;
import eu.guichet.access.PermitAmended;
import eu.guichet.access.PermitGranted;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitScope;
import eu.guichet.dataplane.extract.ExtractBuilder;
import eu.guichet.dataplane.extract.ExtractEvidence;
import eu.guichet.dataplane.extract.ExtractException;
import eu.guichet.dataplane.extract.ExtractObserver;
import eu.guichet.dataplane.extract.OptOutSnapshot;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.extract.ExtractState;
import eu.guichet.extract.ExtractStatus;
import eu.guichet.ingest.DeliveryAccepted;
import eu.guichet.ingest.LakeVersions;
import eu.guichet.optout.OptOutRegister;
import jakarta.annotation.PreDestroy;

/**
 * Builds permit extracts in the background, one at a time: a grant, an amendment or an HDAB analysis opened for a
 * statistical answer records the version's extract (after its transaction), an accepted delivery releases the
 * extracts waiting for its dataset, and at start the builds a stop interrupted are started again from scratch (their
 * staging directories removed first). Logs carry permit ids, reason codes and exception classes only.
 */
@Component
class ExtractBuilds {

    private static final Logger log = LoggerFactory.getLogger(ExtractBuilds.class);

    private final ExtractRepository repository;
    private final ExtractTransitions transitions;
    private final LakeVersions lake;
    private final OptOutRegister optOuts;
    private final Pseudonymiser pseudonymiser;
    private final ExtractBuilder builder;
    private final ExtractProperties settings;
    private final java.time.Clock clock;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "extract-builder");
        t.setDaemon(true);
        return t;
    });

    ExtractBuilds(ExtractRepository repository, ExtractTransitions transitions, LakeVersions lake,
            OptOutRegister optOuts, Pseudonymiser pseudonymiser, ExtractBuilder builder, ExtractProperties settings,
            java.time.Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.transitions = transitions;
        this.lake = lake;
        this.optOuts = optOuts;
        this.pseudonymiser = pseudonymiser;
        this.builder = builder;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(PermitGranted event) {
        request(event.permitId(), event.version(), event.scope());
    }

    @ApplicationModuleListener
    void on(PermitAmended event) {
        request(event.permitId(), event.version(), event.scope());
    }

    /** A statistical answer's analysis gets its extract as a permit's first version does (the same path). */
    @ApplicationModuleListener
    void on(AnalysisOpened event) {
        request(event.analysisId(), 1, event.scope());
    }

    /** Extracts waiting for this dataset start once every dataset of their scope is in the lake. */
    @ApplicationModuleListener
    void on(DeliveryAccepted event) {
        for (ExtractState waiting : repository.withStatus(ExtractStatus.WAITING_DATA)) {
            PermitScope scope = scope(waiting);
            if (scope.datasets().stream().anyMatch(d -> d.datasetId().equals(event.datasetId()))
                    && allInLake(scope) && transitions.dataArrived(waiting.permitId(), waiting.version())) {
                afterCommit(waiting.permitId(), waiting.version());
            }
        }
    }

    private void request(PermitId permit, int version, PermitScope scope) {
        if (transitions.request(permit, version, EvidenceDocument.JSON.writeValueAsString(scope), allInLake(scope))
                && repository.find(permit, version).map(s -> s.status() == ExtractStatus.BUILDING).orElse(false)) {
            afterCommit(permit, version);
        }
    }

    private boolean allInLake(PermitScope scope) {
        return scope.datasets().stream().allMatch(d -> lake.current(d.datasetId()).isPresent());
    }

    private void afterCommit(PermitId permit, int version) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(permit, version);
                }
            });
        } else {
            submit(permit, version);
        }
    }

    void submit(PermitId permit, int version) {
        pool.execute(() -> build(permit, version));
    }

    /** Restarts the builds a stop interrupted, after removing what they left half-written. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        removeStaging();
        for (ExtractState s : repository.withStatus(ExtractStatus.BUILDING)) {
            log.info("Extract of permit {} v{} interrupted: built again", s.permitId(), s.version());
            deleteTree(builder.location(s.extractId()));
            submit(s.permitId(), s.version());
        }
    }

    private void removeStaging() {
        if (!Files.isDirectory(settings.dir())) {
            return;
        }
        try (Stream<Path> entries = Files.list(settings.dir())) {
            entries.filter(p -> p.getFileName().toString().startsWith(".staging-")).forEach(ExtractBuilds::deleteTree);
        } catch (IOException e) {
            log.warn("Cannot list the extracts directory ({})", e.getClass().getSimpleName());
        }
    }

    /** Builds one extract; every outcome is recorded (READY or FAILED with a reason code). */
    void build(PermitId permit, int version) {
        Optional<ExtractState> state = repository.find(permit, version);
        if (state.isEmpty() || state.get().status() != ExtractStatus.BUILDING) {
            return;
        }
        PermitScope scope = scope(state.get());
        try {
            Map<String, LakeVersions.LakeDataset> data = new LinkedHashMap<>();
            for (PermitScope.ScopedDataset d : scope.datasets()) {
                var current = lake.current(d.datasetId());
                if (current.isEmpty()) {
                    transitions.failed(permit, version, "extract.dataset_not_in_lake", Optional.empty());
                    return;
                }
                data.put(d.datasetId().toString(), current.get());
            }
            ScopeMapping.Mapped mapped = ScopeMapping.map(state.get().extractId(), scope, data,
                    LocalDate.ofInstant(clock.instant(), clock.getZone()));
            if (mapped.refusal().isPresent()) {
                log.info("Extract of permit {} v{} refused: {}", permit, version, mapped.refusal().get());
                transitions.failed(permit, version, mapped.refusal().get(),
                        Optional.of(EvidenceDocument.refused(scope, mapped)));
                return;
            }
            int keyVersion = repository.projectKeyVersion(permit, pseudonymiser.keyVersion(), clock.instant());
            Map<String, OptOutSnapshot> snapshots = new LinkedHashMap<>();
            mapped.groups().forEach((group, reference) -> snapshots.put(group, scope.optOutException().isPresent()
                    ? OptOutSnapshot.none() : consumer -> optOuts.forEachInEffectAt(reference, consumer)));
            deleteTree(builder.location(state.get().extractId()));
            ExtractEvidence evidence = builder.build(mapped.spec().orElseThrow(),
                    pseudonymiser.forProject(permit.toString(), keyVersion), snapshots, new Progress(permit, version));
            transitions.ready(permit, version, EvidenceDocument.built(scope, mapped, evidence, mapped.groups()),
                    builder.location(state.get().extractId()).resolve("extract.duckdb"), evidence.files().size());
            log.info("Extract of permit {} v{} ready: {} tables, {} persons", permit, version,
                    evidence.tables().size(), evidence.personsIncluded());
        } catch (ExtractException | IllegalArgumentException | IllegalStateException e) {
            // names and SQLStates only (ExtractException never carries a value)
            log.warn("Extract of permit {} v{} failed ({})", permit, version, e.getClass().getSimpleName());
            transitions.failed(permit, version, "extract.build_failed", Optional.empty());
        } catch (RuntimeException e) {
            log.warn("Extract of permit {} v{} failed ({})", permit, version, e.getClass().getSimpleName());
            transitions.failed(permit, version, "extract.build_failed", Optional.empty());
        }
    }

    private static PermitScope scope(ExtractState state) {
        return EvidenceDocument.JSON.readValue(state.scope(), PermitScope.class);
    }

    /** Writes the build's step and tables written for the progress display. */
    private final class Progress implements ExtractObserver {
        private final PermitId permit;
        private final int version;
        private String step = "";

        Progress(PermitId permit, int version) {
            this.permit = permit;
            this.version = version;
        }

        @Override
        public void step(Step s) {
            step = s.name();
            repository.progress(permit, version, step, 0, 0);
        }

        @Override
        public void tableWritten(int written, int tables) {
            repository.progress(permit, version, step, written, tables);
        }
    }

    static void deleteTree(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("Cannot remove a leftover extract directory ({})", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }
}
