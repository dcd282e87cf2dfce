package eu.guichet.catalogue.internal.rdf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.vocabulary.RDF;

/**
 * Reads HealthDCAT-AP (Turtle, JSON-LD or RDF/XML) into one {@link ImportedDataset} per dcat:Dataset. Tolerant of
 * missing properties (the shapes, not the reader, say what is required); strict about syntax and size.
 *
 * <p>Language rule for texts: {@code fr} takes the literal tagged {@code fr}; {@code en} takes the one tagged
 * {@code en}, else an untagged literal, else one in any other language. Keywords likewise: {@code fr}-tagged ones
 * go to {@code fr}; {@code en}-tagged ones to {@code en}, or, when there are none, all the others.
 */
public final class HealthDcatReader {

    /** The largest input accepted: 10 MB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /** Base for relative IRIs in the input; such IRIs mean the input is not meant to be published as it is. */
    private static final String BASE = "urn:x-guichet-import:";

    private final DescriptionReader descriptions = new DescriptionReader();

    public List<ImportedDataset> read(String text, RdfFormat format) {
        return read(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8), format);
    }

    /** Parses and reads the datasets, sorted by IRI. Throws {@link RdfSyntaxException} for unreadable input. */
    public List<ImportedDataset> read(byte[] bytes, RdfFormat format) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(format, "format");
        if (bytes.length > MAX_BYTES) {
            throw new RdfSyntaxException("The file is " + bytes.length + " bytes; at most " + MAX_BYTES
                    + " bytes (10 MB) can be imported at once. Split the catalogue into smaller files.");
        }
        return read(parse(bytes, format));
    }

    /** Reads the datasets of a graph already parsed. */
    public List<ImportedDataset> read(Model graph) {
        return graph.listSubjectsWithProperty(RDF.type, Vocab.DATASET).toList().stream()
                .sorted(Comparator.comparing(r -> r.isURIResource() ? r.getURI() : "~" + r.getId(),
                        RdfValues.NATURAL))
                .map(ds -> new ImportedDataset(ds.isURIResource() ? RdfValues.uri(ds.getURI()).orElse(null) : null,
                        descriptions.read(ds), ownGraph(ds)))
                .toList();
    }

    private static Model parse(byte[] bytes, RdfFormat format) {
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.source(new ByteArrayInputStream(bytes)).lang(format.lang()).base(BASE)
                    .errorHandler(new FailOnError(format)).parse(model);
        } catch (RdfSyntaxException e) {
            throw e;
        } catch (RiotException e) {
            throw new RdfSyntaxException("The " + label(format) + " could not be read: " + e.getMessage());
        }
        return model;
    }

    /**
     * The dataset node and everything reachable from it through outgoing edges, stopping at other datasets (a
     * link to another dataset is kept, its description is not).
     */
    static Model ownGraph(Resource dataset) {
        Model own = HealthDcatWriter.newModel();
        own.setNsPrefixes(dataset.getModel().getNsPrefixMap());
        Deque<Resource> toVisit = new ArrayDeque<>(List.of(dataset));
        Set<Resource> seen = new HashSet<>(toVisit);
        while (!toVisit.isEmpty()) {
            Resource node = toVisit.pop();
            for (Statement s : node.listProperties().toList()) {
                own.add(s);
                RDFNode o = s.getObject();
                if (o.isResource() && seen.add(o.asResource())
                        && !o.asResource().hasProperty(RDF.type, Vocab.DATASET)) {
                    toVisit.push(o.asResource());
                }
            }
        }
        return own;
    }

    private static String label(RdfFormat format) {
        return switch (format) {
            case TURTLE -> "Turtle";
            case JSON_LD -> "JSON-LD";
            case RDF_XML -> "RDF/XML";
        };
    }

    /** Turns the first parser error into an {@link RdfSyntaxException}; warnings are ignored. */
    private record FailOnError(RdfFormat format) implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
            // not a reason to refuse an import; the shapes judge the content
        }

        @Override
        public void error(String message, long line, long col) {
            throw syntax(message, line, col);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw syntax(message, line, col);
        }

        private RdfSyntaxException syntax(String message, long line, long col) {
            String where = line > 0 ? " at line " + line + (col > 0 ? ", column " + col : "") : "";
            return new RdfSyntaxException("The " + label(format) + " is not well-formed" + where + ": " + message,
                    line, col);
        }
    }
}
