package eu.guichet.access;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import eu.guichet.access.internal.ApplicationRepository;
import eu.guichet.access.internal.HolderRequestRepository;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.Dataset;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;

/**
 * The fees of an application (EHDS Art. 62), from the HDAB's {@link FeeSchedule}: the estimate shown to the applicant
 * before the permit, and what a withdrawn application owes.
 */
@Service
public class ApplicationFees {

    /** The countries of the European Economic Area (ISO 3166-1 alpha-2). */
    private static final Set<String> EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI",
            "NO");

    private final FeeCalculator fees;
    private final IdentityManagement identity;
    private final CatalogueManagement catalogue;
    private final HolderRequestRepository holderRequests;
    private final ApplicationRepository applications;

    ApplicationFees(FeeCalculator fees, IdentityManagement identity, CatalogueManagement catalogue,
            HolderRequestRepository holderRequests, ApplicationRepository applications) {
        this.fees = fees;
        this.identity = identity;
        this.catalogue = catalogue;
        this.holderRequests = holderRequests;
        this.applications = applications;
    }

    /**
     * The estimate: the decision fee, the secure processing environment for the processing period asked, the
     * compensation each consulted holder estimated, less the reduction for the applicant's kind of organisation.
     */
    public FeeEstimate estimate(Application a) {
        Organisation organisation = identity.findOrganisation(a.organisation()).orElseThrow();
        long holders = a.form().datasets().stream().map(d -> catalogue.findPublished(d.datasetId())
                .flatMap(Dataset::holder)).filter(Optional::isPresent).distinct().count();
        int speMonths = a.kind() == ApplicationKind.DATA_ACCESS && a.form().processingMonths() != null
                ? a.form().processingMonths() : 0;
        List<HolderCompensation> compensations = holderRequests.ofApplication(a.id()).stream()
                .filter(r -> r.kind() == HolderRequest.Kind.CONSULTATION && r.costEstimate().isPresent())
                .map(r -> HolderCompensation.estimatedBy(identity.findOrganisation(r.holder()).map(Organisation::name)
                        .orElse(r.holder().toString()), r.costEstimate().get()))
                .toList();
        FeeInput input = FeeInput.decisionOnly(a.kind(), organisation.type(), !EEA.contains(organisation.country()),
                a.form().datasets().size(), (int) Math.max(holders, compensations.size()))
                .withWork(BigDecimal.ZERO, speMonths).withHolderCompensations(compensations);
        return fees.estimate(input);
    }

    /** What a withdrawn application owes: only the costs incurred before the withdrawal. */
    public FeeEstimate costsIncurred(Application a) {
        ApplicationStatus reached = applications.history(a.id()).stream()
                .filter(c -> c.to() == ApplicationStatus.WITHDRAWN).map(StatusChange::from).findFirst()
                .orElse(ApplicationStatus.DRAFT);
        return fees.costsIncurred(estimate(a), reached);
    }

    /** The estimate, or what is owed once withdrawn: what the applicant's page shows. */
    public FeeEstimate forApplicant(Application a) {
        return a.status() == ApplicationStatus.WITHDRAWN ? costsIncurred(a) : estimate(a);
    }
}
