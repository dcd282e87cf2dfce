package eu.guichet.catalogue.internal.rdf;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.LocalizedText;

/**
 * Writes a page of the catalogue as a dcat:Catalog under the EHDS, with the full description of each dataset of the
 * page and a Hydra {@code PartialCollectionView} (first, previous, next, last) so harvesters can page through it.
 */
public final class CatalogueWriter {

    /** A dataset of the page, with the IRI it is published under. */
    public record Entry(URI iri, DatasetDescription description) {
        public Entry {
            Objects.requireNonNull(iri, "iri");
            Objects.requireNonNull(description, "description");
        }
    }

    private final HealthDcatWriter datasets;

    public CatalogueWriter(HealthDcatWriter datasets) {
        this.datasets = Objects.requireNonNull(datasets, "datasets");
    }

    public Model catalogue(URI catalogueIri, LocalizedText title, LocalizedText description, Agent publisher,
            List<Entry> entries, CataloguePage page) {
        Model model = HealthDcatWriter.newModel();
        Resource catalogue = model.createResource(catalogueIri.toString(), Vocab.CATALOG);
        RdfNodes.addText(catalogue, Vocab.TITLE, title);
        RdfNodes.addText(catalogue, Vocab.DESCRIPTION, description);
        RdfNodes.addIri(catalogue, Vocab.APPLICABLE_LEGISLATION, DatasetDescription.EHDS, Vocab.LEGAL_RESOURCE);
        new NestedNodeWriter().agent(catalogue, Vocab.PUBLISHER, RdfNodes.nested(catalogueIri, "publisher"),
                publisher);
        for (Entry entry : entries) {
            catalogue.addProperty(Vocab.CATALOG_DATASET, datasets.writeInto(model, entry.description(), entry.iri()));
        }
        catalogue.addLiteral(Vocab.HYDRA_TOTAL_ITEMS, model.createTypedLiteral(page.totalItems()));
        Resource view = model.createResource(page.iri(page.number()).toString(), Vocab.PARTIAL_COLLECTION_VIEW);
        catalogue.addProperty(Vocab.HYDRA_VIEW, view);
        view.addProperty(Vocab.HYDRA_FIRST, model.createResource(page.iri(1).toString()));
        view.addProperty(Vocab.HYDRA_LAST, model.createResource(page.iri(page.lastNumber()).toString()));
        if (page.number() > 1) {
            view.addProperty(Vocab.HYDRA_PREVIOUS, model.createResource(page.iri(page.number() - 1).toString()));
        }
        if (page.number() < page.lastNumber()) {
            view.addProperty(Vocab.HYDRA_NEXT, model.createResource(page.iri(page.number() + 1).toString()));
        }
        return model;
    }
}
