package eu.guichet.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

/** The seeded Synthea population built by {@code guichet-synthetic}, passed by the server pom as {@code synthea.dir}. */
public final class SyntheaFixture {

    private SyntheaFixture() {
    }

    public static Path fhirDirectory() {
        String dir = System.getProperty("synthea.dir");
        if (dir == null) {
            throw new IllegalStateException("System property synthea.dir is not set: run the tests through Maven"
                    + " (guichet-server/pom.xml passes it)");
        }
        Path fhir = Path.of(dir).resolve("fhir");
        if (!Files.isRegularFile(fhir.resolve("Patient.ndjson"))) {
            throw new IllegalStateException("The Synthea fixture is missing at " + fhir + ": build it first with"
                    + " `mvn -B -ntp -pl guichet-synthetic install`");
        }
        return fhir;
    }
}
