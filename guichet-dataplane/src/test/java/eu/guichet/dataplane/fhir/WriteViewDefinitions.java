package eu.guichet.dataplane.fhir;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Rewrites {@code src/main/resources/fhir/views/*.json} from {@link FhirViews} after a column change (not run by the
 * build): {@code java -cp … eu.guichet.dataplane.fhir.WriteViewDefinitions guichet-dataplane/src/main/resources/fhir/views}.
 */
public final class WriteViewDefinitions {

    private WriteViewDefinitions() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        for (FhirView view : FhirViews.ALL) {
            Path file = dir.resolve(view.name() + ".json");
            Files.writeString(file, mapper.writeValueAsString(ViewDefinitions.toJson(view, mapper)) + "\n");
            System.out.println("wrote " + file);
        }
    }
}
