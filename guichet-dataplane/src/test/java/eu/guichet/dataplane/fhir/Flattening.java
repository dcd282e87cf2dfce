package eu.guichet.dataplane.fhir;

import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;

/** Test-scope access to the package-private flattener, for the bench in another package. */
public final class Flattening {

    private Flattening() {
    }

    /** Resource types that have a flat table, in delivery order. */
    public static List<String> resourceTypes() {
        return FhirViews.ALL.stream().map(FhirView::resource).toList();
    }

    /** A flattener of one resource type; the predicate answers whether a line was accepted. */
    public static Predicate<String> flattener(String resourceType) {
        ResourceFlattener f = new ResourceFlattener(FhirViews.forResource(resourceType).orElseThrow(),
                new JsonFactory());
        return line -> f.flatten(line).valid();
    }
}
