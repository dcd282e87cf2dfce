package eu.guichet.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import eu.guichet.audit.AuditRecord;
import eu.guichet.audit.AuditTrail;
import eu.guichet.catalogue.DatasetLifecycle.Actor;
import eu.guichet.catalogue.DatasetLifecycle.Move;
import eu.guichet.catalogue.internal.CatalogueProperties;
import eu.guichet.catalogue.internal.CatalogueRepository;
import eu.guichet.catalogue.internal.CatalogueRepository.StatusChange;
import eu.guichet.catalogue.internal.DescriptionDefaults;
import eu.guichet.catalogue.internal.DescriptionValidator;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.problem.ConflictException;
import eu.guichet.problem.InvalidTransitionException;
import eu.guichet.problem.NotFoundException;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;

/**
 * The catalogue's API for dataset descriptions: holders write and submit them, the HDAB publishes, returns or
 * retires them; everyone reads what is published. Every change is audited in the transaction that makes it;
 * publication and retirement are published as events (the search index follows them).
 */
@Service
public class CatalogueManagement {

    private final CatalogueRepository repository;
    private final DescriptionValidator validator;
    private final IdentityManagement identity;
    private final CatalogueProperties settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogueManagement(CatalogueRepository repository, DescriptionValidator validator, IdentityManagement identity,
            CatalogueProperties settings, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.validator = validator;
        this.identity = identity;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /**
     * A dataset as the caller may see it: published and retired ones are public metadata; drafts and submissions
     * only for their holder and HDAB staff (to others they do not exist: 404, not 403).
     */
    @Transactional(readOnly = true)
    public Dataset getDataset(DatasetId id, Optional<CurrentUser> caller) {
        return repository.find(id).filter(d -> canView(caller, d)).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Dataset> findPublished(DatasetId id) {
        return repository.find(id).filter(d -> d.status() == DatasetStatus.PUBLISHED);
    }

    public boolean canView(Optional<CurrentUser> caller, Dataset d) {
        return d.status() == DatasetStatus.PUBLISHED || d.status() == DatasetStatus.RETIRED
                || caller.map(c -> c.isHdabStaff() || isHolderStaff(c, d)).orElse(false);
    }

    /** The datasets of the caller's organisation (data holder staff). */
    @Transactional(readOnly = true)
    public List<Dataset> listOwnDatasets(CurrentUser caller) {
        return caller.organisationId().map(repository::listByHolder).orElse(List.of());
    }

    /** Submitted descriptions waiting for the HDAB, oldest first. */
    @Transactional(readOnly = true)
    public List<Dataset> publicationQueue() {
        return repository.listByStatus(DatasetStatus.SUBMITTED);
    }

    /**
     * A holder's description as it would be saved (with what Guichet fills in itself: HDAB, legislation, custodian),
     * checked against the shapes of its access level: what the editor shows while the holder types.
     */
    public List<Violation> validateAsHolder(DatasetDescription description, CurrentUser caller) {
        return validate(withDefaults(description, caller.organisationId()));
    }

    @Transactional(readOnly = true)
    public List<StatusChange> history(DatasetId id, CurrentUser caller) {
        getDataset(id, Optional.of(caller));
        return repository.history(id);
    }

    /** The description checked against the HealthDCAT-AP shapes of its access level. */
    public List<Violation> validate(DatasetDescription description) {
        return validator.validate(description);
    }

    /** The caller's datasets whose yearly check (EHDS Art. 60) is due or comes soon, most urgent first. */
    @Transactional(readOnly = true)
    public List<CheckDue> checksDue(CurrentUser caller) {
        Instant now = clock.instant();
        return listOwnDatasets(caller).stream()
                .filter(d -> d.status() != DatasetStatus.RETIRED)
                .map(d -> CheckDue.of(d, settings.checkEvery(), settings.dueSoon(), now))
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(CheckDue::dueAt))
                .toList();
    }

    // --- writing -------------------------------------------------------------------------------------------------

    /** A holder starts a description of one of its organisation's datasets, as a draft. */
    @Transactional
    public Dataset createDataset(DatasetDescription description, CurrentUser caller) {
        OrganisationId holder = caller.organisationId().filter(o -> caller.hasRole(Role.DATA_HOLDER))
                .orElseThrow(() -> new AccessDenied("catalogue.not_a_holder",
                        "Only data holder staff describe datasets."));
        DatasetDescription filled = withDefaults(description, Optional.of(holder));
        checkIdentifier(filled, null);
        Instant now = clock.instant();
        Dataset dataset = new Dataset(DatasetId.random(), DatasetStatus.DRAFT, Optional.of(holder), filled, 1, now,
                now, Optional.empty(), now);
        repository.insert(dataset);
        audit.record(AuditRecord.success("catalogue.dataset_created", "dataset", dataset.id())
                .with("identifier", filled.identifier()));
        return dataset;
    }

    /**
     * Saves a new revision of a description. A published description stays published only if it still conforms;
     * saving counts as the holder's check of it (Art. 60).
     *
     * @param expectedRevision the revision the caller edited; another save meanwhile gives 409
     */
    @Transactional
    public Dataset updateDataset(DatasetId id, DatasetDescription description, int expectedRevision,
            CurrentUser caller) {
        Dataset current = repository.findForUpdate(id).filter(d -> canView(Optional.of(caller), d))
                .orElseThrow(() -> notFound(id));
        checkIsHolder(caller, current);
        if (current.status() == DatasetStatus.RETIRED) {
            throw new InvalidTransitionException("catalogue.dataset_retired",
                    "A retired dataset cannot be edited; reopen it first.");
        }
        DatasetDescription filled = withDefaults(description, current.holder());
        checkIdentifier(filled, current);
        if (current.status() == DatasetStatus.PUBLISHED) {
            checkConforms(filled);
        }
        if (!repository.updateDescription(id, filled, expectedRevision, clock.instant())) {
            throw new ConflictException("catalogue.revision_conflict",
                    "This description was changed meanwhile (now revision " + current.revision()
                            + "); reload it and apply your changes again.");
        }
        audit.record(AuditRecord.success("catalogue.dataset_updated", "dataset", id)
                .with("revision", expectedRevision + 1));
        if (current.status() == DatasetStatus.PUBLISHED) {
            events.publishEvent(new DatasetPublished(id, expectedRevision + 1));
        }
        return repository.find(id).orElseThrow();
    }

    /**
     * Moves a dataset along its lifecycle ({@link DatasetLifecycle}): submit, withdraw, return, publish, retire,
     * reopen. A move that does not exist from the current status gives 409; one the caller may not make, 403.
     */
    @Transactional
    public Dataset transition(DatasetId id, String action, String reason, CurrentUser caller) {
        Dataset current = repository.findForUpdate(id).filter(d -> canView(Optional.of(caller), d))
                .orElseThrow(() -> notFound(id));
        if (!DatasetLifecycle.exists(current.status(), action)) {
            throw new InvalidTransitionException("catalogue.invalid_transition",
                    "A " + current.status() + " dataset cannot be '" + action + "'.");
        }
        Move move = actorOf(caller, current).flatMap(actor -> DatasetLifecycle.find(current.status(), action, actor))
                .orElseThrow(() -> new AccessDenied("catalogue.transition_not_yours",
                        "You may not " + action + " this dataset."));
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (move.requiresReason() && why == null) {
            throw new ValidationException("catalogue.reason_required", "Say why.",
                    List.of(new ValidationException.FieldError("reason", "required")));
        }
        if (move.requiresConformance()) {
            checkConforms(current.description());
        }
        repository.updateStatus(id, current.status(), move.to(), caller.id(), why, clock.instant());
        audit.record(AuditRecord.success("catalogue.dataset_" + pastTense(action), "dataset", id)
                .with("from", current.status()).with("to", move.to()));
        if (move.to() == DatasetStatus.PUBLISHED) {
            events.publishEvent(new DatasetPublished(id, current.revision()));
        } else if (current.status() == DatasetStatus.PUBLISHED) {
            events.publishEvent(new DatasetRetired(id));
        }
        return repository.find(id).orElseThrow();
    }

    /** The holder confirms the description is still accurate (EHDS Art. 60). */
    @Transactional
    public Dataset confirmChecked(DatasetId id, CurrentUser caller) {
        Dataset current = repository.findForUpdate(id).filter(d -> canView(Optional.of(caller), d))
                .orElseThrow(() -> notFound(id));
        checkIsHolder(caller, current);
        repository.markChecked(id, clock.instant());
        audit.record(AuditRecord.success("catalogue.dataset_checked", "dataset", id));
        return repository.find(id).orElseThrow();
    }

    /**
     * Demo and first-start content: publishes a description for a holder directly, if no dataset has its identifier
     * yet. It must conform, like any published description.
     *
     * @return whether it was created
     */
    @Transactional
    public boolean seedPublished(DatasetDescription description, OrganisationId holder) {
        if (repository.identifierTaken(description.identifier())) {
            return false;
        }
        DatasetDescription filled = withDefaults(description, Optional.of(holder));
        checkConforms(filled);
        Instant now = clock.instant();
        Dataset dataset = new Dataset(DatasetId.random(), DatasetStatus.PUBLISHED, Optional.of(holder), filled, 1,
                now, now, Optional.of(now), now);
        repository.insert(dataset);
        audit.record(AuditRecord.success("catalogue.dataset_seeded", "dataset", dataset.id())
                .with("identifier", filled.identifier()));
        events.publishEvent(new DatasetPublished(dataset.id(), 1));
        return true;
    }


    // --- rules ---------------------------------------------------------------------------------------------------

    /** Who the caller is for this dataset: its holder's staff, the HDAB's catalogue staff, or nobody. */
    Optional<Actor> actorOf(CurrentUser caller, Dataset d) {
        if (isHolderStaff(caller, d)) {
            return Optional.of(Actor.HOLDER);
        }
        if (caller.hasRole(Role.HDAB_ADMIN) || caller.hasRole(Role.HDAB_REVIEWER)) {
            return Optional.of(Actor.HDAB);
        }
        return Optional.empty();
    }

    private static boolean isHolderStaff(CurrentUser caller, Dataset d) {
        return caller.hasRole(Role.DATA_HOLDER) && d.holder().map(caller::belongsTo).orElse(false);
    }

    private static void checkIsHolder(CurrentUser caller, Dataset d) {
        if (!isHolderStaff(caller, d)) {
            throw new AccessDenied("catalogue.dataset_not_yours", "Only the dataset's holder edits its description.");
        }
    }

    private void checkConforms(DatasetDescription description) {
        List<ValidationException.FieldError> blocking = validator.validate(description).stream()
                .filter(Violation::blocking)
                .map(v -> new ValidationException.FieldError(v.field(), v.message()))
                .toList();
        if (!blocking.isEmpty()) {
            throw new ValidationException("catalogue.not_conformant", "The description breaks " + blocking.size()
                    + " rule(s) of the HealthDCAT-AP shapes of its access level.", blocking);
        }
    }

    void checkIdentifier(DatasetDescription d, Dataset current) {
        if (d.identifier() == null || d.identifier().isBlank() || d.identifier().length() > 200) {
            throw new ValidationException("catalogue.identifier_required", "A dataset needs an identifier.",
                    List.of(new ValidationException.FieldError("identifier", "required, at most 200 characters")));
        }
        boolean changed = current == null || !current.description().identifier().equals(d.identifier());
        if (changed && repository.identifierTaken(d.identifier())) {
            throw new ConflictException("catalogue.identifier_taken", "Another dataset has this identifier.");
        }
    }

    private DatasetDescription withDefaults(DatasetDescription d, Optional<OrganisationId> holder) {
        String holderName = holder.flatMap(identity::findOrganisation)
                .filter(o -> o.type() == OrganisationType.DATA_HOLDER).map(Organisation::name).orElse(null);
        return DescriptionDefaults.apply(d, holderName, settings);
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "submit" -> "submitted";
            case "withdraw" -> "withdrawn";
            case "return" -> "returned";
            case "publish" -> "published";
            case "retire" -> "retired";
            case "reopen" -> "reopened";
            default -> throw new IllegalArgumentException(action);
        };
    }

    static NotFoundException notFound(DatasetId id) {
        return new NotFoundException("catalogue.dataset_not_found", "No dataset " + id + ".");
    }
}
