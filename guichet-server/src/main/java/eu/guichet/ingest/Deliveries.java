package eu.guichet.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.ingest.internal.DataPlaneRun;
import eu.guichet.ingest.internal.DeliveryFiles;
import eu.guichet.ingest.internal.DeliveryRepository;
import eu.guichet.ingest.internal.DeliveryWorkers;
import eu.guichet.ingest.internal.UploadRepository;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;

/**
 * Holders' deliveries: a holder delivers files for one of its organisation's datasets; the files are stored, checked
 * for their layout, recorded as RECEIVED and handed to the background workers after commit. Holders see their
 * organisation's deliveries, HDAB staff all of them.
 */
@Service
public class Deliveries {

    private final DeliveryRepository repository;
    private final UploadRepository uploads;
    private final DeliveryFiles files;
    private final DeliveryWorkers workers;
    private final CatalogueManagement catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    Deliveries(DeliveryRepository repository, UploadRepository uploads, DeliveryFiles files, DeliveryWorkers workers,
            CatalogueManagement catalogue, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.uploads = uploads;
        this.files = files;
        this.workers = workers;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    // --- who may do what ----------------------------------------------------------------------------------------

    /** Whether the caller may deliver data for the dataset: its holder organisation's staff only. */
    public boolean canDeliver(CurrentUser caller, Dataset dataset) {
        return dataset.holder().map(caller::belongsTo).orElse(false);
    }

    /** The dataset, if the caller may deliver for it: 404 when the caller cannot see it, 403 when not its holder. */
    @Transactional(readOnly = true)
    public Dataset checkCanDeliver(CurrentUser caller, DatasetId datasetId) {
        Dataset dataset = catalogue.getDataset(datasetId, Optional.of(caller));
        if (!canDeliver(caller, dataset)) {
            audit.recordIndependently(AuditRecord.of("ingest.delivery_refused", eu.guichet.audit.AuditOutcome.DENIED)
                    .on("dataset", datasetId));
            throw new AccessDenied("ingest.not_dataset_holder",
                    "Only the dataset's holder organisation delivers data for it.");
        }
        return dataset;
    }

    public boolean canView(CurrentUser caller, Delivery delivery) {
        return caller.isHdabStaff() || caller.belongsTo(delivery.holder());
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** A delivery the caller may see (its holder's staff, HDAB staff); 404 otherwise. */
    @Transactional(readOnly = true)
    public Delivery getDelivery(DeliveryId id, CurrentUser caller) {
        return repository.find(id).filter(d -> canView(caller, d)).orElseThrow(() -> notFound(id));
    }

    /** The caller's organisation's deliveries, newest first; every delivery for HDAB staff. */
    @Transactional(readOnly = true)
    public List<Delivery> listDeliveries(CurrentUser caller) {
        if (caller.isHdabStaff()) {
            return repository.listAll();
        }
        return caller.organisationId().map(repository::listByHolder).orElse(List.of());
    }

    /** Quarantine reasons and counts per table; never a value. */
    @Transactional(readOnly = true)
    public Quarantine getQuarantine(DeliveryId id, CurrentUser caller) {
        Delivery d = getDelivery(id, caller);
        List<Quarantine.Table> tables = d.tables().stream().filter(t -> t.recordsRejected() > 0)
                .map(t -> new Quarantine.Table(t.table(), t.recordsRejected(), t.reasons())).toList();
        return new Quarantine(d.id(), d.status(), d.datasetVersion(), tables);
    }

    // --- delivering ----------------------------------------------------------------------------------------------

    /**
     * Stores the files (request parts and completed uploads) of a new delivery, checks they make a delivery of the
     * declared format, records it RECEIVED and queues it for processing once the transaction commits.
     */
    @Transactional
    public Delivery deliver(DeliveryRequest request, List<DeliveredFile> sent, CurrentUser caller) {
        Dataset dataset = checkCanDeliver(caller, request.dataset());
        OrganisationId holder = dataset.holder().orElseThrow();
        DeliveryId id = DeliveryId.random();
        Path dir = files.delivery(id);
        List<String> names = new ArrayList<>();
        Map<UploadId, Path> attached = new java.util.LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            for (DeliveredFile file : sent) {
                names.add(store(dir, DeliveryFiles.checkName(file.name()), file));
            }
            for (UploadId upload : request.uploads()) {
                names.add(attach(dir, upload, caller, attached));
            }
            if (names.isEmpty()) {
                throw new ValidationException("ingest.no_file", "A delivery holds at least one file.");
            }
            Map<String, String> identifiers = new TreeMap<>();
            request.identifiers().forEach((column, treatment) -> identifiers.put(column, treatment.name()));
            DataPlaneRun.checkLayout(request.format(), dir, identifiers, request.delimiter());
            Instant now = clock.instant();
            Delivery delivery = new Delivery(id, dataset.id(), holder, request.format(), DeliveryStatus.RECEIVED,
                    caller.id(), now, now, names.stream().sorted().toList(), 0, Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of());
            repository.insert(delivery, identifiers, request.delimiter());
            audit.record(AuditRecord.success("ingest.delivery_received", "delivery", id)
                    .with("dataset", dataset.id()).with("holder", holder).with("format", request.format())
                    .with("files", names.size()).with("uploads", request.uploads().size()));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workers.submit(id);
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        discard(dir, attached);
                    }
                }
            });
            return delivery;
        } catch (IOException e) {
            discard(dir, attached);
            throw new UncheckedIOException("Cannot store a delivered file", e);
        } catch (RuntimeException e) {
            discard(dir, attached);
            throw e;
        }
    }

    private static String store(Path dir, String name, DeliveredFile file) throws IOException {
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            throw new ValidationException("ingest.file_twice", "The file " + name + " is delivered twice.");
        }
        file.transferTo(target);
        return name;
    }

    /** Moves a complete upload's file into the delivery (a rename: multi-GB files are not copied). */
    private String attach(Path dir, UploadId id, CurrentUser caller, Map<UploadId, Path> attached)
            throws IOException {
        Upload upload = uploads.findForUpdate(id).filter(u -> u.owner().equals(caller.id()))
                .orElseThrow(() -> Uploads.notFound(id));
        if (upload.status() != UploadStatus.COMPLETE) {
            throw new ConflictException("ingest.upload_not_complete",
                    "Upload " + id + " is " + upload.status() + ": only complete uploads are delivered.");
        }
        Path target = dir.resolve(upload.fileName());
        if (Files.exists(target)) {
            throw new ValidationException("ingest.file_twice", "The file " + upload.fileName() + " is delivered twice.");
        }
        Files.move(files.upload(id), target, StandardCopyOption.ATOMIC_MOVE);
        attached.put(id, target);
        uploads.markDelivered(id);
        return upload.fileName();
    }

    /** A delivery that is not recorded: its uploads get their files back (they stay complete), the rest goes. */
    private void discard(Path dir, Map<UploadId, Path> attached) {
        attached.forEach((upload, file) -> {
            try {
                Files.move(file, files.upload(upload), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot give an upload its file back", e);
            }
        });
        attached.clear();
        DeliveryFiles.deleteTree(dir);
    }

    static NotFoundException notFound(DeliveryId id) {
        return new NotFoundException("ingest.delivery_not_found", "No delivery " + id + ".");
    }
}
