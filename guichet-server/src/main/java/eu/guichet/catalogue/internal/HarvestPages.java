package eu.guichet.catalogue.internal;

import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.springframework.stereotype.Component;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.internal.rdf.CatalogueWriter;
import eu.guichet.catalogue.internal.rdf.CataloguePage;
import eu.guichet.catalogue.internal.rdf.HealthDcatWriter;
import eu.guichet.catalogue.internal.rdf.RdfFormat;

/**
 * The public catalogue as HealthDCAT-AP for harvesters (the EU central platform, national portals): a
 * {@code dcat:Catalog} naming the published datasets of one page, each with its full description, and Hydra
 * links to the other pages. IRIs are built on {@code guichet.catalogue.base-url}.
 */
@Component
class HarvestPages {

    private static final LocalizedText TITLE = LocalizedText.of("Catalogue national des données de santé",
            "National health data catalogue");
    private static final LocalizedText DESCRIPTION = LocalizedText.of(
            "Jeux de données de santé disponibles pour une utilisation secondaire (EHDS, art. 77).",
            "Health datasets available for secondary use (EHDS, Art. 77).");

    private final HealthDcatWriter writer = new HealthDcatWriter();
    private final CatalogueWriter catalogueWriter = new CatalogueWriter(writer);
    private final CatalogueProperties settings;

    HarvestPages(CatalogueProperties settings) {
        this.settings = settings;
    }

    /** One dataset's graph, under its public IRI. */
    Model dataset(Dataset d) {
        return writer.write(d.description(), settings.datasetIri(d.id()));
    }

    /**
     * One page of the catalogue.
     *
     * @param page  from 1
     * @param total published datasets in all
     */
    Model page(List<Dataset> datasets, int page, long total) {
        Agent hdab = new Agent(settings.hdabName(), null, ContactPoint.email(settings.hdabEmail()));
        List<CatalogueWriter.Entry> entries = datasets.stream()
                .map(d -> new CatalogueWriter.Entry(settings.datasetIri(d.id()), d.description())).toList();
        return catalogueWriter.catalogue(settings.catalogueIri(), TITLE, DESCRIPTION, hdab, entries,
                new CataloguePage(page, pageSize(), total, settings.catalogueIri()));
    }

    String serialise(Model model, RdfFormat format) {
        return writer.serialise(model, format);
    }

    int pageSize() {
        return settings.harvestPageSize();
    }
}
