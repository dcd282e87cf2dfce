package eu.guichet.catalogue.internal.rdf;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.DatasetDescription;

/**
 * Validates a dataset description against the HealthDCAT-AP release 8 shapes of its access level (with the
 * DCAT-AP 3.0.0 shapes they import). Each result names the description field it is about, so an editor can show
 * it next to that field. Publication is blocked by any {@link ShaclViolation.Severity#VIOLATION}.
 */
public final class ShaclValidator {

    /** The IRI a description is written under for validation; results never show it. */
    private static final URI PROVISIONAL = URI.create("urn:x-guichet:dataset");

    private final HealthDcatShapes shapes;
    private final HealthDcatWriter writer;

    public ShaclValidator(HealthDcatShapes shapes, HealthDcatWriter writer) {
        this.shapes = Objects.requireNonNull(shapes, "shapes");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** With the shared shapes and a new writer. */
    public ShaclValidator() {
        this(HealthDcatShapes.shared(), new HealthDcatWriter());
    }

    /**
     * Validates the description against the shapes of its access level. Without an access level it is checked
     * against the NON_PUBLIC shapes (the strictest, and the level of personal health data), which report the
     * missing {@code accessRights} as a violation.
     */
    public List<ShaclViolation> validate(DatasetDescription d) {
        AccessRights level = d.accessRights() != null ? d.accessRights() : AccessRights.NON_PUBLIC;
        return validate(writer.write(d, PROVISIONAL), level);
    }

    /**
     * Validates a graph against the shapes of one access level. Give it one dataset's own graph (see
     * {@link ImportedDataset#sourceGraph()}): each level's shapes require that level of every dcat:Dataset.
     */
    public List<ShaclViolation> validate(Model graph, AccessRights level) {
        Objects.requireNonNull(level, "level");
        ValidationReport report = org.apache.jena.shacl.ShaclValidator.get()
                .validate(shapes.forLevel(level), graph.getGraph());
        ViolationFields fields = new ViolationFields(graph);
        return report.getEntries().stream()
                .map(e -> new ShaclViolation(fields.field(e.focusNode(), e.resultPath()),
                        path(graph, e.resultPath()), e.message(), severity(e)))
                .distinct()
                .sorted(Comparator.comparing(ShaclViolation::field).thenComparing(ShaclViolation::path)
                        .thenComparing(ShaclViolation::message))
                .toList();
    }

    private static String path(Model graph, Path path) {
        if (path == null) {
            return "";
        }
        if (path instanceof P_Link link) {
            return graph.shortForm(link.getNode().getURI());
        }
        return path.toString();
    }

    private static ShaclViolation.Severity severity(ReportEntry entry) {
        Severity s = entry.severity();
        if (Severity.Warning.equals(s)) {
            return ShaclViolation.Severity.WARNING;
        }
        if (Severity.Info.equals(s)) {
            return ShaclViolation.Severity.INFO;
        }
        return ShaclViolation.Severity.VIOLATION;
    }
}
