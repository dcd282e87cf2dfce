package eu.guichet.catalogue.internal.rdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.shared.PrefixMapping;

/**
 * The projection of a HealthDCAT-AP dataset graph onto what Guichet holds: the property paths, from the dataset
 * node, that a {@code DatasetDescription} keeps (docs/reference/catalogue-properties.md lists them with their
 * fields). Reading a graph and writing it back gives the projection of the original, up to three normalisations
 * that {@link #project} applies: nested nodes (distributions, agents, contact points, periods, statements, tables,
 * columns) are compared as blank nodes, one per parent (a rights statement shared by two distributions counts
 * twice), since Guichet names them after the dataset IRI and does not share them; agent names lose their
 * language tag; byte sizes compare as {@code xsd:decimal}.
 */
final class HeldProperties {

    static final List<String> PATHS = List.of(
            "rdf:type", "dct:title", "dct:description", "dct:identifier", "dcat:keyword", "dcat:theme",
            "healthdcatap:healthCategory", "dct:accessRights", "dct:accessRights/rdf:type",
            "dcatap:applicableLegislation", "dcatap:applicableLegislation/rdf:type", "dct:type",
            "dct:provenance/rdf:type", "dct:provenance/rdfs:label",
            "dct:temporal/rdf:type", "dct:temporal/dcat:startDate", "dct:temporal/dcat:endDate",
            "dct:spatial", "dct:spatial/rdf:type", "healthdcatap:populationCoverage",
            "healthdcatap:numberOfRecords", "healthdcatap:numberOfUniqueIndividuals",
            "healthdcatap:minTypicalAge", "healthdcatap:maxTypicalAge",
            "healthdcatap:retentionPeriod/rdf:type", "healthdcatap:retentionPeriod/dcat:startDate",
            "healthdcatap:retentionPeriod/dcat:endDate",
            "dpv:hasLegalBasis/rdf:type", "dpv:hasLegalBasis/dct:description",
            "dpv:hasPurpose/rdf:type", "dpv:hasPurpose/dct:description",
            "dcat:contactPoint/rdf:type", "dcat:contactPoint/vcard:hasEmail", "dcat:contactPoint/vcard:hasURL",
            "dcat:contactPoint/vcard:hasTelephone",
            "dct:publisher/rdf:type", "dct:publisher/foaf:name", "dct:publisher/dct:type",
            "dct:publisher/healthdcatap:trustedDataHolder",
            "dct:publisher/cv:contactPoint/rdf:type", "dct:publisher/cv:contactPoint/cv:email",
            "dct:publisher/cv:contactPoint/cv:contactPage", "dct:publisher/cv:contactPoint/cv:telephone",
            "geodcatap:custodian/rdf:type", "geodcatap:custodian/foaf:name", "geodcatap:custodian/dct:type",
            "geodcatap:custodian/cv:contactPoint/rdf:type", "geodcatap:custodian/cv:contactPoint/cv:email",
            "geodcatap:custodian/cv:contactPoint/cv:contactPage",
            "geodcatap:custodian/cv:contactPoint/cv:telephone",
            "healthdcatap:hdab/rdf:type", "healthdcatap:hdab/foaf:name", "healthdcatap:hdab/dct:type",
            "healthdcatap:hdab/cv:contactPoint/rdf:type", "healthdcatap:hdab/cv:contactPoint/cv:email",
            "healthdcatap:hdab/cv:contactPoint/cv:contactPage", "healthdcatap:hdab/cv:contactPoint/cv:telephone",
            "dct:language", "dct:language/rdf:type", "dct:accrualPeriodicity", "dct:accrualPeriodicity/rdf:type",
            "dct:conformsTo", "dct:conformsTo/rdf:type", "healthdcatap:hasCodingSystem",
            "healthdcatap:hasCodingSystem/rdf:type", "healthdcatap:hasCodeValues", "dpv:hasPersonalData",
            "dpv:hasPersonalData/rdf:type",
            "dcat:distribution/rdf:type", "dcat:distribution/dct:title", "dcat:distribution/dct:description",
            "dcat:distribution/dcat:accessURL", "dcat:distribution/dcat:downloadURL",
            "dcat:distribution/dct:format", "dcat:distribution/dct:format/rdf:type",
            "dcat:distribution/dcat:mediaType", "dcat:distribution/dcat:mediaType/rdf:type",
            "dcat:distribution/dcat:byteSize", "dcat:distribution/dct:license",
            "dcat:distribution/dct:license/rdf:type", "dcat:distribution/dct:rights/rdf:type",
            "dcat:distribution/dct:rights/rdfs:label", "dcat:distribution/dcatap:applicableLegislation",
            "healthdcatap:hasStructuredData",
            "healthdcatap:hasVariables/rdf:type",
            "healthdcatap:hasVariables/csvw:table/rdf:type", "healthdcatap:hasVariables/csvw:table/dct:identifier",
            "healthdcatap:hasVariables/csvw:table/dct:title",
            "healthdcatap:hasVariables/csvw:table/dct:description",
            "healthdcatap:hasVariables/csvw:table/csvw:column/rdf:type",
            "healthdcatap:hasVariables/csvw:table/csvw:column/csvw:name",
            "healthdcatap:hasVariables/csvw:table/csvw:column/csvw:title",
            "healthdcatap:hasVariables/csvw:table/csvw:column/dct:description",
            "healthdcatap:hasVariables/csvw:table/csvw:column/csvw:datatype",
            "healthdcatap:hasVariables/csvw:table/csvw:column/csvw:propertyUrl",
            "healthdcatap:hasVariables/csvw:table/csvw:column/healthdcatap:hasCodeValues",
            "healthdcatap:hasVariables/csvw:table/csvw:column/healthdcatap:hasCodeValues/rdf:value",
            "healthdcatap:hasVariables/csvw:table/csvw:column/healthdcatap:hasCodeValues/rdfs:label");

    /** Properties whose values are nodes Guichet names itself (compared as blank nodes). */
    private static final Set<String> NESTED = Set.of("dct:provenance", "dct:temporal",
            "healthdcatap:retentionPeriod", "dpv:hasLegalBasis", "dpv:hasPurpose", "dcat:contactPoint",
            "dct:publisher", "geodcatap:custodian", "healthdcatap:hdab", "cv:contactPoint", "dcat:distribution",
            "dct:rights", "healthdcatap:hasVariables", "csvw:table", "csvw:column");

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefixes(HealthDcatWriter.PREFIXES).setNsPrefix("rdf", Vocab.RDF)
            .setNsPrefix("rdfs", Vocab.RDFS).lock();

    private HeldProperties() {
    }

    /** The held part of a dataset's graph, normalised as the class comment says. */
    static Model project(Resource dataset) {
        Model out = ModelFactory.createDefaultModel();
        // a nested node becomes one blank node per parent that links to it (compared as a tree)
        Map<List<RDFNode>, Resource> blanks = new HashMap<>();
        for (String path : PATHS) {
            List<RDFNode[]> frontier = List.<RDFNode[]>of(new RDFNode[] {dataset, dataset});
            for (String step : path.split("/")) {
                var property = dataset.getModel().createProperty(PREFIXES.expandPrefix(step));
                List<RDFNode[]> next = new ArrayList<>();
                for (RDFNode[] pair : frontier) {
                    if (!pair[0].isResource()) {
                        continue;
                    }
                    Resource projectedSubject = pair[1].asResource();
                    for (Statement s : pair[0].asResource().listProperties(property).toList()) {
                        RDFNode object = s.getObject();
                        RDFNode projected = NESTED.contains(step) && object.isResource()
                                ? blanks.computeIfAbsent(List.of(projectedSubject, property, object),
                                        k -> out.createResource())
                                : normalise(step, object);
                        out.add(projectedSubject, property, projected);
                        next.add(new RDFNode[] {object, projected});
                    }
                }
                frontier = next;
            }
        }
        return out;
    }

    private static RDFNode normalise(String step, RDFNode value) {
        if (!value.isLiteral()) {
            return value;
        }
        Literal literal = value.asLiteral();
        Model m = ModelFactory.createDefaultModel();
        if (step.equals("foaf:name")) {
            return m.createLiteral(literal.getLexicalForm());
        }
        if (step.equals("dcat:byteSize")) {
            String canonical = new java.math.BigDecimal(literal.getLexicalForm()).toPlainString();
            return m.createTypedLiteral(canonical, XSDDatatype.XSDdecimal);
        }
        return value;
    }
}
