package eu.guichet.catalogue.internal.rdf;

import static eu.guichet.catalogue.internal.rdf.RdfNodes.addDate;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.addIri;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.addNonNegative;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.addString;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.addText;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.nested;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFWriter;

import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.Distribution;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;

/**
 * Writes a dataset description as a HealthDCAT-AP release 8 graph: the {@code dcat:Dataset}, its nested nodes under
 * stable IRIs derived from the dataset IRI ({@code #distribution-1}, {@code #hdab}, {@code #variables},
 * {@code #table-IR_BEN_R}, {@code #column-IR_BEN_R-BEN_NAI_ANN}, ...) and the {@code rdf:type} of the concepts it
 * references that the shapes check by class. docs/reference/catalogue-properties.md lists every mapping.
 */
public final class HealthDcatWriter {

    /** The prefixes of every graph Guichet writes; they are also the JSON-LD context. */
    static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("dcat", Vocab.DCAT), Map.entry("dct", Vocab.DCT), Map.entry("dcatap", Vocab.DCATAP),
            Map.entry("healthdcatap", Vocab.HEALTH), Map.entry("dpv", Vocab.DPV), Map.entry("vcard", Vocab.VCARD),
            Map.entry("foaf", Vocab.FOAF), Map.entry("cv", Vocab.CV), Map.entry("geodcatap", Vocab.GEODCATAP),
            Map.entry("csvw", Vocab.CSVW), Map.entry("eli", Vocab.ELI), Map.entry("hydra", Vocab.HYDRA),
            Map.entry("rdfs", Vocab.RDFS), Map.entry("xsd", Vocab.XSD));

    private final NestedNodeWriter nestedNodes = new NestedNodeWriter();

    /** The dataset's graph. Empty and null fields write nothing; the shapes say what is missing. */
    public Model write(DatasetDescription d, URI datasetIri) {
        Objects.requireNonNull(d, "description");
        Objects.requireNonNull(datasetIri, "datasetIri");
        Model model = newModel();
        writeInto(model, d, datasetIri);
        return model;
    }

    /** Adds the dataset's triples to a model (the catalogue writer puts several datasets in one). */
    Resource writeInto(Model model, DatasetDescription d, URI iri) {
        Resource ds = model.createResource(iri.toString(), Vocab.DATASET);
        addText(ds, Vocab.TITLE, d.title());
        addText(ds, Vocab.DESCRIPTION, d.description());
        addString(ds, Vocab.IDENTIFIER, d.identifier());
        d.keywords().fr().forEach(k -> ds.addProperty(Vocab.KEYWORD, model.createLiteral(k, "fr")));
        d.keywords().en().forEach(k -> ds.addProperty(Vocab.KEYWORD, model.createLiteral(k, "en")));
        d.themes().forEach(t -> addIri(ds, Vocab.THEME, t.uri(), null));
        d.healthCategories().forEach(c -> addIri(ds, Vocab.HEALTH_CATEGORY, c.uri(), null));
        if (d.accessRights() != null) {
            addIri(ds, Vocab.ACCESS_RIGHTS, d.accessRights().uri(), Vocab.RIGHTS_STATEMENT);
        }
        d.applicableLegislation().forEach(l -> addIri(ds, Vocab.APPLICABLE_LEGISLATION, l, Vocab.LEGAL_RESOURCE));
        addIri(ds, Vocab.TYPE, d.type(), null);
        statement(ds, Vocab.PROVENANCE, nested(iri, "provenance"), Vocab.PROVENANCE_STATEMENT, Vocab.LABEL,
                d.provenance());
        period(ds, Vocab.TEMPORAL, nested(iri, "temporal"), d.temporalCoverage());
        d.spatial().forEach(s -> addIri(ds, Vocab.SPATIAL, s, Vocab.LOCATION));
        addText(ds, Vocab.POPULATION_COVERAGE, d.populationCoverage());
        addNonNegative(ds, Vocab.NUMBER_OF_RECORDS, d.numberOfRecords());
        addNonNegative(ds, Vocab.NUMBER_OF_UNIQUE_INDIVIDUALS, d.numberOfUniqueIndividuals());
        addNonNegative(ds, Vocab.MIN_TYPICAL_AGE, d.minTypicalAge());
        addNonNegative(ds, Vocab.MAX_TYPICAL_AGE, d.maxTypicalAge());
        period(ds, Vocab.RETENTION_PERIOD, nested(iri, "retention-period"), d.retentionPeriod());
        statement(ds, Vocab.HAS_LEGAL_BASIS, nested(iri, "legal-basis"), Vocab.LEGAL_BASIS, Vocab.DESCRIPTION,
                d.legalBasis());
        statement(ds, Vocab.HAS_PURPOSE, nested(iri, "purpose"), Vocab.PURPOSE, Vocab.DESCRIPTION, d.purpose());
        nestedNodes.contactPoint(ds, nested(iri, "contact-point"), d.contactPoint());
        Resource publisher = nestedNodes.agent(ds, Vocab.PUBLISHER, nested(iri, "publisher"), d.publisher());
        Resource custodian = nestedNodes.agent(ds, Vocab.CUSTODIAN, nested(iri, "custodian"), d.custodian());
        nestedNodes.agent(ds, Vocab.HDAB, nested(iri, "hdab"), d.hdab());
        Resource holder = publisher != null ? publisher : custodian;
        if (holder != null && d.trustedHolder()) {
            holder.addLiteral(Vocab.TRUSTED_DATA_HOLDER, model.createTypedLiteral(true));
        }
        d.languages().forEach(l -> addIri(ds, Vocab.LANGUAGE, l, Vocab.LINGUISTIC_SYSTEM));
        addIri(ds, Vocab.ACCRUAL_PERIODICITY, d.accrualPeriodicity(), Vocab.FREQUENCY);
        d.conformsTo().forEach(c -> addIri(ds, Vocab.CONFORMS_TO, c, Vocab.STANDARD));
        d.codingSystems().forEach(c -> addIri(ds, Vocab.HAS_CODING_SYSTEM, c, Vocab.STANDARD));
        d.codeValues().forEach(c -> ds.addProperty(Vocab.HAS_CODE_VALUES, c));
        d.personalData().forEach(p -> addIri(ds, Vocab.HAS_PERSONAL_DATA, p, Vocab.PERSONAL_DATA));
        List<Distribution> distributions = d.distributions();
        for (int i = 0; i < distributions.size(); i++) {
            distribution(ds, nested(iri, "distribution", String.valueOf(i + 1)), distributions.get(i),
                    d.applicableLegislation());
        }
        ds.addLiteral(Vocab.HAS_STRUCTURED_DATA, model.createTypedLiteral(d.hasStructuredData()));
        nestedNodes.variables(ds, iri, d.title(), d.tables());
        return ds;
    }

    /**
     * The model in a serialisation. Turtle and RDF/XML use the HealthDCAT-AP prefixes; JSON-LD is JSON-LD 1.1,
     * compacted with those prefixes as its {@code @context}.
     */
    public String serialise(Model model, RdfFormat format) {
        return RDFWriter.source(model).format(format.jenaFormat()).asString();
    }

    static Model newModel() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefixes(PREFIXES);
        return model;
    }

    private void distribution(Resource ds, String iri, Distribution d, List<URI> legislation) {
        Model model = ds.getModel();
        Resource dist = model.createResource(iri, Vocab.DISTRIBUTION);
        ds.addProperty(Vocab.DISTRIBUTION_PROP, dist);
        addText(dist, Vocab.TITLE, d.title());
        addText(dist, Vocab.DESCRIPTION, d.description());
        addIri(dist, Vocab.ACCESS_URL, d.accessUrl(), null);
        addIri(dist, Vocab.DOWNLOAD_URL, d.downloadUrl(), null);
        addIri(dist, Vocab.FORMAT, d.format(), Vocab.MEDIA_TYPE_OR_EXTENT);
        addIri(dist, Vocab.MEDIA_TYPE_PROP, d.mediaType(), Vocab.MEDIA_TYPE);
        if (d.byteSize() != null) {
            // xsd:decimal, as the DCAT-AP 3.0.0 shapes require (KNOWN-ISSUES 3)
            dist.addLiteral(Vocab.BYTE_SIZE,
                    model.createTypedLiteral(String.valueOf(d.byteSize()), XSDDatatype.XSDdecimal));
        }
        addIri(dist, Vocab.LICENSE, d.license(), Vocab.LICENSE_DOCUMENT);
        statement(dist, Vocab.RIGHTS, iri + "-rights", Vocab.RIGHTS_STATEMENT, Vocab.LABEL, d.rights());
        // Guichet holds no legislation per distribution: a distribution falls under the dataset's legislation
        legislation.forEach(l -> addIri(dist, Vocab.APPLICABLE_LEGISLATION, l, Vocab.LEGAL_RESOURCE));
    }

    /** A typed node holding one text, e.g. a dct:ProvenanceStatement with its rdfs:label. */
    private static void statement(Resource subject, Property property, String iri, Resource type,
            Property textProperty, LocalizedText text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Resource node = subject.getModel().createResource(iri, type);
        subject.addProperty(property, node);
        addText(node, textProperty, text);
    }

    private static void period(Resource subject, Property property, String iri, Period period) {
        if (period == null || period.isEmpty()) {
            return;
        }
        Resource node = subject.getModel().createResource(iri, Vocab.PERIOD_OF_TIME);
        subject.addProperty(property, node);
        addDate(node, Vocab.START_DATE, period.start());
        addDate(node, Vocab.END_DATE, period.end());
    }
}
