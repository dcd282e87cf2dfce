package eu.guichet.catalogue.internal.rdf;

import static java.util.Map.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.vocabulary.RDF;

/**
 * Names the {@code DatasetDescription} field a SHACL result is about, from its focus node (which nested node of the
 * dataset: {@code distributions[0]}, {@code hdab}, {@code tables[1].columns[3]}, ...) and its result path (which
 * property of that node). Nodes are indexed in the order {@link HealthDcatReader} reads them.
 */
final class ViolationFields {

    private static final Map<String, String> DATASET = Map.ofEntries(
            entry(Vocab.TITLE.getURI(), "title"), entry(Vocab.DESCRIPTION.getURI(), "description"),
            entry(Vocab.IDENTIFIER.getURI(), "identifier"), entry(Vocab.KEYWORD.getURI(), "keywords"),
            entry(Vocab.THEME.getURI(), "themes"), entry(Vocab.HEALTH_CATEGORY.getURI(), "healthCategories"),
            entry(Vocab.ACCESS_RIGHTS.getURI(), "accessRights"),
            entry(Vocab.APPLICABLE_LEGISLATION.getURI(), "applicableLegislation"),
            entry(Vocab.TYPE.getURI(), "type"), entry(Vocab.PROVENANCE.getURI(), "provenance"),
            entry(Vocab.TEMPORAL.getURI(), "temporalCoverage"), entry(Vocab.SPATIAL.getURI(), "spatial"),
            entry(Vocab.POPULATION_COVERAGE.getURI(), "populationCoverage"),
            entry(Vocab.NUMBER_OF_RECORDS.getURI(), "numberOfRecords"),
            entry(Vocab.NUMBER_OF_UNIQUE_INDIVIDUALS.getURI(), "numberOfUniqueIndividuals"),
            entry(Vocab.MIN_TYPICAL_AGE.getURI(), "minTypicalAge"),
            entry(Vocab.MAX_TYPICAL_AGE.getURI(), "maxTypicalAge"),
            entry(Vocab.RETENTION_PERIOD.getURI(), "retentionPeriod"),
            entry(Vocab.HAS_LEGAL_BASIS.getURI(), "legalBasis"), entry(Vocab.HAS_PURPOSE.getURI(), "purpose"),
            entry(Vocab.CONTACT_POINT_DCAT.getURI(), "contactPoint"),
            entry(Vocab.PUBLISHER.getURI(), "publisher"), entry(Vocab.CUSTODIAN.getURI(), "custodian"),
            entry(Vocab.HDAB.getURI(), "hdab"), entry(Vocab.LANGUAGE.getURI(), "languages"),
            entry(Vocab.ACCRUAL_PERIODICITY.getURI(), "accrualPeriodicity"),
            entry(Vocab.CONFORMS_TO.getURI(), "conformsTo"),
            entry(Vocab.HAS_CODING_SYSTEM.getURI(), "codingSystems"),
            entry(Vocab.HAS_CODE_VALUES.getURI(), "codeValues"),
            entry(Vocab.HAS_PERSONAL_DATA.getURI(), "personalData"),
            entry(Vocab.DISTRIBUTION_PROP.getURI(), "distributions"),
            entry(Vocab.HAS_STRUCTURED_DATA.getURI(), "hasStructuredData"),
            entry(Vocab.HAS_VARIABLES.getURI(), "tables"));

    /** Properties of nested nodes, by the field name of the record component holding the value. */
    private static final Map<String, String> NESTED = Map.ofEntries(
            entry(Vocab.TITLE.getURI(), "title"), entry(Vocab.DESCRIPTION.getURI(), "description"),
            entry(Vocab.ACCESS_URL.getURI(), "accessUrl"), entry(Vocab.DOWNLOAD_URL.getURI(), "downloadUrl"),
            entry(Vocab.FORMAT.getURI(), "format"), entry(Vocab.MEDIA_TYPE_PROP.getURI(), "mediaType"),
            entry(Vocab.BYTE_SIZE.getURI(), "byteSize"), entry(Vocab.LICENSE.getURI(), "license"),
            entry(Vocab.RIGHTS.getURI(), "rights"), entry(Vocab.NAME.getURI(), "name"),
            entry(Vocab.TYPE.getURI(), "type"), entry(Vocab.AGENT_CONTACT_POINT.getURI(), "contactPoint"),
            entry(Vocab.EMAIL.getURI(), "email"), entry(Vocab.CONTACT_PAGE.getURI(), "url"),
            entry(Vocab.TELEPHONE.getURI(), "telephone"), entry(Vocab.HAS_EMAIL.getURI(), "email"),
            entry(Vocab.HAS_URL.getURI(), "url"), entry(Vocab.HAS_TELEPHONE.getURI(), "telephone"),
            entry(Vocab.START_DATE.getURI(), "start"), entry(Vocab.END_DATE.getURI(), "end"),
            entry(Vocab.IDENTIFIER.getURI(), "name"), entry(Vocab.CSVW_COLUMN.getURI(), "columns"),
            entry(Vocab.CSVW_NAME.getURI(), "name"), entry(Vocab.CSVW_TITLE.getURI(), "title"),
            entry(Vocab.CSVW_DATATYPE.getURI(), "datatype"), entry(Vocab.CSVW_PROPERTY_URL.getURI(), "propertyUrl"),
            entry(Vocab.HAS_CODE_VALUES.getURI(), "codeValues"));

    /** Nested nodes whose every property is the field itself (a text or a period held by a node). */
    private final Map<Node, String> wholeNodes = new HashMap<>();
    private final Map<Node, String> prefixes = new HashMap<>();
    private final Map<Node, String> datasets = new HashMap<>();

    ViolationFields(Model graph) {
        for (Resource ds : graph.listSubjectsWithProperty(RDF.type, Vocab.DATASET).toList()) {
            datasets.put(ds.asNode(), "");
            whole(ds, Vocab.PROVENANCE, "provenance");
            whole(ds, Vocab.HAS_LEGAL_BASIS, "legalBasis");
            whole(ds, Vocab.HAS_PURPOSE, "purpose");
            prefix(ds, Vocab.TEMPORAL, "temporalCoverage");
            prefix(ds, Vocab.RETENTION_PERIOD, "retentionPeriod");
            prefix(ds, Vocab.CONTACT_POINT_DCAT, "contactPoint");
            for (var agentProperty : List.of(Vocab.PUBLISHER, Vocab.CUSTODIAN, Vocab.HDAB)) {
                String agent = DATASET.get(agentProperty.getURI());
                RdfValues.node(ds, agentProperty).ifPresent(a -> {
                    prefixes.putIfAbsent(a.asNode(), agent);
                    prefix(a, Vocab.AGENT_CONTACT_POINT, agent + ".contactPoint");
                });
            }
            List<Resource> distributions = RdfValues.nodes(ds, Vocab.DISTRIBUTION_PROP);
            for (int i = 0; i < distributions.size(); i++) {
                prefixes.putIfAbsent(distributions.get(i).asNode(), "distributions[" + i + "]");
                whole(distributions.get(i), Vocab.RIGHTS, "distributions[" + i + "].rights");
            }
            int t = 0;
            for (Resource group : RdfValues.nodes(ds, Vocab.HAS_VARIABLES)) {
                wholeNodes.putIfAbsent(group.asNode(), "tables");
                for (Resource table : RdfValues.nodes(group, Vocab.CSVW_TABLE)) {
                    String tablePrefix = "tables[" + t++ + "]";
                    prefixes.putIfAbsent(table.asNode(), tablePrefix);
                    List<Resource> columns = RdfValues.nodes(table, Vocab.CSVW_COLUMN);
                    for (int c = 0; c < columns.size(); c++) {
                        prefixes.putIfAbsent(columns.get(c).asNode(), tablePrefix + ".columns[" + c + "]");
                    }
                }
            }
        }
    }

    /** The field of a result with this focus node and path ({@code null} for a node-level constraint). */
    String field(Node focus, Path path) {
        String property = path instanceof P_Link link ? link.getNode().getURI() : null;
        if (datasets.containsKey(focus)) {
            // the only node-level constraint on a dataset is "hasVariables when hasStructuredData is true"
            return property == null ? "tables" : DATASET.getOrDefault(property, localName(property));
        }
        if (wholeNodes.containsKey(focus)) {
            return wholeNodes.get(focus);
        }
        String prefix = prefixes.get(focus);
        if (prefix == null) {
            return property == null ? "" : localName(property);
        }
        if (property == null) {
            return prefix;
        }
        if (property.equals(Vocab.APPLICABLE_LEGISLATION.getURI())) {
            return "applicableLegislation"; // a distribution's legislation is the dataset's
        }
        if (property.equals(Vocab.TRUSTED_DATA_HOLDER.getURI())) {
            return "trustedHolder";
        }
        String field = NESTED.get(property);
        return field == null ? prefix : prefix + "." + field;
    }

    private void whole(Resource subject, Property property, String field) {
        RdfValues.node(subject, property).ifPresent(n -> wholeNodes.putIfAbsent(n.asNode(), field));
    }

    private void prefix(Resource subject, Property property, String field) {
        RdfValues.node(subject, property).ifPresent(n -> prefixes.putIfAbsent(n.asNode(), field));
    }

    private static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(cut + 1);
    }
}
