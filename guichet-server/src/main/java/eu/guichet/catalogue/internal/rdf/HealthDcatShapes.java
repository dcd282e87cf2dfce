package eu.guichet.catalogue.internal.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.vocabulary.OWL;

import eu.guichet.catalogue.AccessRights;

/**
 * The HealthDCAT-AP release 8 shapes of each access level, each merged with the DCAT-AP 3.0.0 shapes it imports,
 * read from the classpath ({@code /healthdcat-ap/}) and patched in memory (see the README there): imports dropped,
 * the path-less property shape of {@code :Dataset_Shape} moved onto the node shape, {@code dcat:byteSize} widened
 * to {@code xsd:nonNegativeInteger}. Loaded once; immutable and safe to share between threads.
 */
public final class HealthDcatShapes {

    private static final String SH = "http://www.w3.org/ns/shacl#";
    private static final Property SH_PROPERTY = prop("property");
    private static final Property SH_PATH = prop("path");
    private static final Property SH_OR = prop("or");
    private static final Property SH_SEVERITY = prop("severity");
    private static final Property SH_MESSAGE = prop("message");
    private static final Property SH_DATATYPE = prop("datatype");

    private static final String DIR = "/healthdcat-ap/";
    private static final Map<AccessRights, String> FILES = Map.of(
            AccessRights.PUBLIC, "public-shapes.ttl",
            AccessRights.RESTRICTED, "restricted-shapes.ttl",
            AccessRights.NON_PUBLIC, "non-public-shapes.ttl");

    private static final class Shared {
        static final HealthDcatShapes INSTANCE = new HealthDcatShapes();
    }

    private final Map<AccessRights, Model> models = new EnumMap<>(AccessRights.class);
    private final Map<AccessRights, Shapes> shapes = new EnumMap<>(AccessRights.class);

    /** Loads and patches the three shape sets (a few hundred milliseconds; prefer {@link #shared()}). */
    public HealthDcatShapes() {
        Model base = load("dcat-ap-3.0.0-shapes.ttl");
        widenByteSize(base);
        for (AccessRights level : AccessRights.values()) {
            Model model = load(FILES.get(level));
            dropImports(model);
            movePathlessPropertyShapes(model);
            model.add(base);
            models.put(level, model);
            shapes.put(level, Shapes.parse(model.getGraph()));
        }
    }

    /** The instance shared by the whole application, loaded on first use. */
    public static HealthDcatShapes shared() {
        return Shared.INSTANCE;
    }

    /** The shapes a dataset of this access level must conform to. */
    public Shapes forLevel(AccessRights level) {
        return shapes.get(level);
    }

    /** A copy of the patched shapes graph of a level (for tests and documentation). */
    Model graph(AccessRights level) {
        return ModelFactory.createDefaultModel().add(models.get(level));
    }

    private static Model load(String file) {
        try (InputStream in = HealthDcatShapes.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing shapes resource " + DIR + file);
            }
            Model model = ModelFactory.createDefaultModel();
            RDFParser.source(in).lang(Lang.TURTLE).parse(model);
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** KNOWN-ISSUES 1: the DCAT-AP shapes are loaded from the local copy instead of by URL. */
    static void dropImports(Model model) {
        model.removeAll(null, OWL.imports, null);
    }

    /**
     * KNOWN-ISSUES 2: an {@code sh:property} without {@code sh:path} holding an {@code sh:or} becomes a node-level
     * {@code sh:or} of the node shape that held it, with the same severity and message.
     */
    static void movePathlessPropertyShapes(Model model) {
        List<Statement> pathless = new ArrayList<>();
        model.listStatements(null, SH_PROPERTY, (RDFNode) null).forEach(s -> {
            if (s.getObject().isResource() && !s.getResource().hasProperty(SH_PATH)
                    && s.getResource().hasProperty(SH_OR)) {
                pathless.add(s);
            }
        });
        for (Statement s : pathless) {
            Resource nodeShape = s.getSubject();
            Resource propertyShape = s.getResource();
            for (Property p : List.of(SH_OR, SH_SEVERITY, SH_MESSAGE)) {
                propertyShape.listProperties(p).toList().forEach(v -> nodeShape.addProperty(p, v.getObject()));
            }
            model.remove(s);
            propertyShape.removeProperties();
        }
    }

    /** KNOWN-ISSUES 3: {@code dcat:byteSize} may be {@code xsd:decimal} (DCAT-AP) or {@code xsd:nonNegativeInteger}. */
    static void widenByteSize(Model model) {
        Resource decimal = model.createResource(XSDDatatype.XSDdecimal.getURI());
        Resource nonNegative = model.createResource(XSDDatatype.XSDnonNegativeInteger.getURI());
        List<Resource> shapesOnByteSize = model.listSubjectsWithProperty(SH_PATH, Vocab.BYTE_SIZE).toList();
        for (Resource shape : shapesOnByteSize) {
            if (shape.hasProperty(SH_DATATYPE, decimal)) {
                shape.removeAll(SH_DATATYPE);
                shape.addProperty(SH_OR, model.createList(
                        model.createResource().addProperty(SH_DATATYPE, decimal),
                        model.createResource().addProperty(SH_DATATYPE, nonNegative)));
            }
        }
    }

    private static Property prop(String local) {
        return org.apache.jena.rdf.model.ResourceFactory.createProperty(SH + local);
    }
}
