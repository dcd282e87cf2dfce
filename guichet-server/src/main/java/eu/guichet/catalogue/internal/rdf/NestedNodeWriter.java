package eu.guichet.catalogue.internal.rdf;

import static eu.guichet.catalogue.internal.rdf.RdfNodes.addIri;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.addString;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.addText;
import static eu.guichet.catalogue.internal.rdf.RdfNodes.nested;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;

/** Writes the agents, contact points and variables (CSVW table group) of a dataset. */
final class NestedNodeWriter {

    /** The dataset's contact point: a vcard:Kind with a mailto: e-mail, a web page and a tel: telephone. */
    void contactPoint(Resource ds, String iri, ContactPoint contact) {
        if (contact == null || contact.isEmpty()) {
            return;
        }
        Resource kind = ds.getModel().createResource(iri, Vocab.KIND);
        ds.addProperty(Vocab.CONTACT_POINT_DCAT, kind);
        if (contact.email() != null) {
            kind.addProperty(Vocab.HAS_EMAIL, ds.getModel().createResource("mailto:" + contact.email()));
        }
        addIri(kind, Vocab.HAS_URL, contact.url(), null);
        if (contact.telephone() != null) {
            String encoded = URLEncoder.encode(contact.telephone(), StandardCharsets.UTF_8).replace("+", "%20")
                    .replace("%2B", "+");
            kind.addProperty(Vocab.HAS_TELEPHONE, ds.getModel().createResource("tel:" + encoded));
        }
    }

    /** A foaf:Agent with its name, type and cv:ContactPoint; returns it, or null when there is no agent. */
    Resource agent(Resource ds, Property property, String iri, Agent agent) {
        if (agent == null) {
            return null;
        }
        Model model = ds.getModel();
        Resource node = model.createResource(iri, Vocab.AGENT);
        ds.addProperty(property, node);
        addString(node, Vocab.NAME, agent.name());
        addIri(node, Vocab.TYPE, agent.type(), null);
        ContactPoint contact = agent.contactPoint();
        if (contact != null && !contact.isEmpty()) {
            Resource cp = model.createResource(iri + "-contact-point", Vocab.CONTACT_POINT);
            node.addProperty(Vocab.AGENT_CONTACT_POINT, cp);
            addString(cp, Vocab.EMAIL, contact.email());
            addIri(cp, Vocab.CONTACT_PAGE, contact.url(), null);
            addString(cp, Vocab.TELEPHONE, contact.telephone());
        }
        return node;
    }

    /**
     * healthdcatap:hasVariables: one csvw:TableGroup (titled after the dataset, since the shapes require a title
     * and Guichet holds none of its own) with a csvw:Table per table and a csvw:Column per variable.
     */
    void variables(Resource ds, URI datasetIri, LocalizedText datasetTitle, List<VariableTable> tables) {
        if (tables.isEmpty()) {
            return;
        }
        Model model = ds.getModel();
        Resource group = model.createResource(nested(datasetIri, "variables"), Vocab.TABLE_GROUP);
        ds.addProperty(Vocab.HAS_VARIABLES, group);
        addText(group, Vocab.TITLE, new LocalizedText(
                datasetTitle.fr() == null ? null : "Variables : " + datasetTitle.fr(),
                datasetTitle.en() == null ? null : "Variables: " + datasetTitle.en()));
        if (datasetTitle.isEmpty()) {
            group.addProperty(Vocab.TITLE, model.createLiteral("Variables", "en"));
        }
        for (int i = 0; i < tables.size(); i++) {
            VariableTable table = tables.get(i);
            String tableKey = table.name() != null ? table.name() : String.valueOf(i + 1);
            Resource t = model.createResource(nested(datasetIri, "table", tableKey), Vocab.TABLE);
            group.addProperty(Vocab.CSVW_TABLE, t);
            addString(t, Vocab.IDENTIFIER, table.name());
            addText(t, Vocab.TITLE, table.title());
            addText(t, Vocab.DESCRIPTION, table.description());
            for (int j = 0; j < table.columns().size(); j++) {
                Variable v = table.columns().get(j);
                String columnKey = v.name() != null ? v.name() : String.valueOf(j + 1);
                column(t, nested(datasetIri, "column", tableKey, columnKey), v);
            }
        }
    }

    private static void column(Resource table, String iri, Variable v) {
        Model model = table.getModel();
        Resource c = model.createResource(iri, Vocab.COLUMN);
        table.addProperty(Vocab.CSVW_COLUMN, c);
        addString(c, Vocab.CSVW_NAME, v.name());
        addText(c, Vocab.CSVW_TITLE, v.title());
        addText(c, Vocab.DESCRIPTION, v.description());
        addString(c, Vocab.CSVW_DATATYPE, v.datatype());
        addIri(c, Vocab.CSVW_PROPERTY_URL, v.propertyUrl(), null);
        for (int k = 0; k < v.codeValues().size(); k++) {
            Variable.CodeValue code = v.codeValues().get(k);
            // Guichet extension: a column's codes, each a node with rdf:value (the code) and rdfs:label
            String key = code.code() != null ? RdfNodes.encode(code.code()) : String.valueOf(k + 1);
            Resource node = model.createResource(iri + "-code-" + key);
            c.addProperty(Vocab.HAS_CODE_VALUES, node);
            addString(node, Vocab.VALUE, code.code());
            addString(node, Vocab.LABEL, code.label());
        }
    }
}
