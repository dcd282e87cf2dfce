package eu.guichet.transparency.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import eu.guichet.catalogue.CatalogueManagement;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.Organisation;
import eu.guichet.problem.NotFoundException;
import eu.guichet.security.OrganisationId;
import eu.guichet.transparency.RegisterDataset;

/**
 * Names for the register, looked up when an event arrives: dataset titles from the public catalogue, organisation
 * names from identity. A dataset the catalogue does not show publicly keeps the identifier the event gave (or its id).
 */
@Component
class DatasetTitles {

    private final CatalogueManagement catalogue;
    private final IdentityManagement identity;

    DatasetTitles(CatalogueManagement catalogue, IdentityManagement identity) {
        this.catalogue = catalogue;
        this.identity = identity;
    }

    RegisterDataset dataset(DatasetId id, Optional<String> identifier) {
        try {
            Dataset dataset = catalogue.getDataset(id, Optional.empty());
            return new RegisterDataset(id, dataset.description().identifier(), dataset.description().title());
        } catch (NotFoundException notPublic) {
            return new RegisterDataset(id, identifier.filter(s -> !s.isBlank()).orElse(id.toString()),
                    LocalizedText.EMPTY);
        }
    }

    String organisation(OrganisationId id) {
        return identity.findOrganisation(id).map(Organisation::name).orElse(id.toString());
    }
}
