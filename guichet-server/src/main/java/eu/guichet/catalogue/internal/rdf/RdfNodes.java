package eu.guichet.catalogue.internal.rdf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;

import eu.guichet.catalogue.LocalizedText;

/** Small helpers shared by the writers: stable IRIs for nested nodes and typed literals. */
final class RdfNodes {

    private RdfNodes() {
    }

    /**
     * The IRI of a node nested in a dataset description: {@code <dataset>#suffix} (or {@code <dataset#x>-suffix}
     * when the dataset IRI already has a fragment). Characters outside {@code [A-Za-z0-9_.-]} are percent-encoded.
     */
    static String nested(URI dataset, String... parts) {
        StringBuilder suffix = new StringBuilder();
        for (String part : parts) {
            if (suffix.length() > 0) {
                suffix.append('-');
            }
            suffix.append(encode(part));
        }
        String base = dataset.toString();
        return base + (base.contains("#") ? "-" : "#") + suffix;
    }

    static String encode(String part) {
        StringBuilder out = new StringBuilder();
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Adds the French and the English text, each with its language tag. */
    static void addText(Resource subject, Property property, LocalizedText text) {
        if (text == null) {
            return;
        }
        Model model = subject.getModel();
        if (text.fr() != null) {
            subject.addProperty(property, model.createLiteral(text.fr(), "fr"));
        }
        if (text.en() != null) {
            subject.addProperty(property, model.createLiteral(text.en(), "en"));
        }
    }

    static void addIri(Resource subject, Property property, URI iri, Resource type) {
        if (iri == null) {
            return;
        }
        Resource object = subject.getModel().createResource(iri.toString());
        subject.addProperty(property, object);
        if (type != null) {
            object.addProperty(org.apache.jena.vocabulary.RDF.type, type);
        }
    }

    static void addNonNegative(Resource subject, Property property, Number value) {
        if (value != null) {
            subject.addLiteral(property, subject.getModel()
                    .createTypedLiteral(String.valueOf(value.longValue()), XSDDatatype.XSDnonNegativeInteger));
        }
    }

    static void addDate(Resource subject, Property property, LocalDate date) {
        if (date != null) {
            subject.addLiteral(property, subject.getModel().createTypedLiteral(date.toString(), XSDDatatype.XSDdate));
        }
    }

    static void addString(Resource subject, Property property, String value) {
        if (value != null) {
            subject.addProperty(property, value);
        }
    }
}
