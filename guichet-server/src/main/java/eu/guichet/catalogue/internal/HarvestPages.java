package eu.guichet.catalogue.internal;

import java.net.URI;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.springframework.stereotype.Component;

import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.internal.rdf.HealthDcatWriter;

/**
 * The public catalogue as HealthDCAT-AP for harvesters (the EU central platform, national portals): a
 * {@code dcat:Catalog} naming the published datasets of one page, each with its full description, and Hydra
 * links to the first, previous, next and last pages.
 */
@Component
class HarvestPages {

    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCATAP = "http://data.europa.eu/r5r/";
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";
    private static final String HYDRA = "http://www.w3.org/ns/hydra/core#";

    private final HealthDcatWriter writer = new HealthDcatWriter();
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
     * @param page  0-based
     * @param total published datasets in all
     */
    Model page(List<Dataset> datasets, int page, long total) {
        Model model = ModelFactory.createDefaultModel();
        URI catalogueIri = settings.catalogueIri();
        Resource catalogue = model.createResource(catalogueIri.toString(), model.createResource(DCAT + "Catalog"));
        catalogue.addProperty(DCTerms.title, model.createLiteral("Catalogue national des données de santé", "fr"));
        catalogue.addProperty(DCTerms.title, model.createLiteral("National health data catalogue", "en"));
        catalogue.addProperty(DCTerms.description, model.createLiteral(
                "Jeux de données de santé disponibles pour une utilisation secondaire (EHDS, art. 77).", "fr"));
        catalogue.addProperty(DCTerms.description, model.createLiteral(
                "Health datasets available for secondary use (EHDS, Art. 77).", "en"));
        Resource publisher = model.createResource(catalogueIri + "#publisher", model.createResource(FOAF + "Agent"));
        publisher.addProperty(model.createProperty(FOAF, "name"), settings.hdabName());
        catalogue.addProperty(DCTerms.publisher, publisher);
        catalogue.addProperty(model.createProperty(DCATAP, "applicableLegislation"),
                model.createResource(DatasetDescription.EHDS.toString()));
        Property datasetLink = model.createProperty(DCAT, "dataset");
        for (Dataset d : datasets) {
            URI iri = settings.datasetIri(d.id());
            Model described = writer.write(d.description(), iri);
            model.setNsPrefixes(described.getNsPrefixMap());
            model.add(described);
            catalogue.addProperty(datasetLink, model.createResource(iri.toString()));
        }
        addPaging(model, catalogue, page, total);
        model.setNsPrefix("dcat", DCAT).setNsPrefix("dcatap", DCATAP).setNsPrefix("dct", DCTerms.NS)
                .setNsPrefix("foaf", FOAF).setNsPrefix("hydra", HYDRA);
        return model;
    }

    String serialise(Model model, eu.guichet.catalogue.internal.rdf.RdfFormat format) {
        return writer.serialise(model, format);
    }

    int pageSize() {
        return settings.harvestPageSize();
    }

    private void addPaging(Model model, Resource catalogue, int page, long total) {
        int size = settings.harvestPageSize();
        long last = Math.max(0, (total - 1) / size);
        Resource view = model.createResource(pageIri(page), model.createResource(HYDRA + "PartialCollectionView"));
        catalogue.addProperty(model.createProperty(HYDRA, "view"), view);
        catalogue.addLiteral(model.createProperty(HYDRA, "totalItems"), model.createTypedLiteral(total));
        view.addProperty(model.createProperty(HYDRA, "first"), model.createResource(pageIri(0)));
        view.addProperty(model.createProperty(HYDRA, "last"), model.createResource(pageIri(last)));
        if (page > 0) {
            view.addProperty(model.createProperty(HYDRA, "previous"), model.createResource(pageIri(page - 1)));
        }
        if (page < last) {
            view.addProperty(model.createProperty(HYDRA, "next"), model.createResource(pageIri(page + 1)));
        }
        view.addProperty(RDF.type, model.createResource(HYDRA + "PartialCollectionView"));
    }

    private String pageIri(long page) {
        return settings.catalogueIri() + "?page=" + page;
    }
}
