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
import eu.guichet.catalogue.internal.CatalogueRepository;
import eu.guichet.catalogue.internal.DescriptionDefaults;
import eu.guichet.catalogue.internal.DescriptionValidator;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.CurrentUser;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;

/**
 * Which data holder maintains each description: entries imported from other catalogues (given to the registered
 * holder named as their custodian) and the HDAB administrator's assignment of the others. Audited like every change.
 */
@Service
public class CatalogueHolders {

    private final CatalogueManagement catalogue;
    private final CatalogueRepository repository;
    private final DescriptionValidator validator;
    private final IdentityManagement identity;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CatalogueHolders(CatalogueManagement catalogue, CatalogueRepository repository, DescriptionValidator validator,
            IdentityManagement identity, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.catalogue = catalogue;
        this.repository = repository;
        this.validator = validator;
        this.identity = identity;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Datasets no data holder maintains yet (imported entries), for the HDAB to assign. */
    @Transactional(readOnly = true)
    public List<Dataset> withoutHolder() {
        return repository.listWithoutHolder();
    }

    /** The registered data holder organisations, to which datasets may be assigned. */
    public List<Organisation> holders() {
        return identity.listOrganisations().stream().filter(CatalogueHolders::isDataHolder).toList();
    }

    /**
     * An entry of another catalogue, imported by the HDAB: a conforming entry waits in the publication queue
     * (SUBMITTED), one that does not conform stays a DRAFT with its violations listed. It belongs to the registered
     * data holder whose name is the entry's custodian's, if there is one, so that its staff can complete it;
     * otherwise the HDAB assigns it with {@link #assignHolder}.
     */
    @Transactional
    public Dataset importDescription(DatasetDescription description, CurrentUser caller) {
        catalogue.checkIdentifier(description, null);
        boolean conforms = validator.validate(description).stream().noneMatch(Violation::blocking);
        Instant now = clock.instant();
        Optional<OrganisationId> holder = Optional.ofNullable(description.custodian()).map(Agent::name)
                .flatMap(identity::findOrganisationByName).filter(CatalogueHolders::isDataHolder)
                .map(Organisation::id);
        Dataset dataset = new Dataset(DatasetId.random(), DatasetStatus.DRAFT, holder, description, 1, now,
                now, Optional.empty(), now);
        repository.insert(dataset);
        if (conforms) {
            repository.updateStatus(dataset.id(), DatasetStatus.DRAFT, DatasetStatus.SUBMITTED, caller.id(),
                    "imported", now);
        }
        audit.record(AuditRecord.success("catalogue.dataset_imported", "dataset", dataset.id())
                .with("identifier", description.identifier()).with("conforms", conforms)
                .with("holder", holder.map(Object::toString).orElse("none")));
        return repository.find(dataset.id()).orElseThrow();
    }

    /**
     * The HDAB gives a dataset to a registered data holder, whose staff then maintain its description: for imported
     * entries whose custodian is not registered under the same name, or when a dataset changes hands.
     */
    @Transactional
    public Dataset assignHolder(DatasetId id, OrganisationId holder, CurrentUser caller) {
        if (!caller.hasRole(Role.HDAB_ADMIN)) {
            throw new AccessDenied("catalogue.assign_not_allowed", "Only an HDAB administrator assigns datasets.");
        }
        Dataset dataset = repository.findForUpdate(id).orElseThrow(() -> CatalogueManagement.notFound(id));
        Organisation organisation = identity.findOrganisation(holder).filter(CatalogueHolders::isDataHolder)
                .orElseThrow(() -> new ValidationException("catalogue.holder_invalid",
                        "Datasets are assigned to registered data holder organisations only."));
        repository.assignHolder(id, holder);
        DatasetDescription renamed = DescriptionDefaults.withCustodianNamed(dataset.description(),
                organisation.name());
        if (!renamed.equals(dataset.description())) {
            repository.updateDescription(id, renamed, dataset.revision(), clock.instant());
        }
        audit.record(AuditRecord.success("catalogue.holder_assigned", "dataset", id)
                .with("holder", organisation.id().toString())
                .with("previous", dataset.holder().map(Object::toString).orElse("none")));
        Dataset assigned = repository.find(id).orElseThrow();
        if (assigned.status() == DatasetStatus.PUBLISHED) {
            events.publishEvent(new DatasetPublished(id, assigned.revision()));
        }
        return assigned;
    }

    private static boolean isDataHolder(Organisation o) {
        return o.type() == OrganisationType.DATA_HOLDER;
    }
}
