package eu.guichet.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.guichet.access.ApplicationForm.RequestedDataset;
import eu.guichet.access.PermitScope.ScopedDataset;
import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.problem.ValidationException;

/**
 * What an application's form asks for, as the parts of a {@link PermitScope}: its datasets (each still published)
 * with their variables and opt-out reference, its period; and the whole scope of a statistical answer's analysis.
 */
@Component
class ApplicationScopes {

    private final CatalogueManagement catalogue;

    ApplicationScopes(CatalogueManagement catalogue) {
        this.catalogue = catalogue;
    }

    /** The requested datasets, opt-outs applying from {@code optOutReference}; 422 for one no longer published. */
    List<ScopedDataset> datasets(List<RequestedDataset> datasets, Instant optOutReference) {
        return datasets.stream().map(d -> {
            if (catalogue.findPublished(d.datasetId()).isEmpty()) {
                throw new ValidationException("access.unknown_dataset", "No published dataset " + d.datasetId());
            }
            return new ScopedDataset(d.datasetId(), d.identifier(), d.variables().stream()
                    .map(ApplicationForm.RequestedVariable::name).toList(), optOutReference);
        }).toList();
    }

    /** The events' time range the form asks for. */
    static PermitScope.Period period(ApplicationForm form) {
        return new PermitScope.Period(Optional.ofNullable(form.periodFrom()), Optional.ofNullable(form.periodTo()));
    }

    /**
     * The scope of a statistical answer's analysis: the request's datasets, variables, period and population,
     * pseudonymised for the HDAB analyst, opt-outs as of {@code optOutReference}, never an Art. 71 exception (the
     * answer leaves anonymised, through output control).
     */
    PermitScope analysis(ApplicationForm form, Instant optOutReference) {
        try {
            return new PermitScope(datasets(form.datasets(), optOutReference), period(form), form.population(),
                    DataForm.PSEUDONYMISED, Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("access.analysis_scope_invalid", e.getMessage());
        }
    }
}
