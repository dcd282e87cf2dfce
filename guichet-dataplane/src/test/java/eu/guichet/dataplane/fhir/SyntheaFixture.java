package eu.guichet.dataplane.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The seeded Synthea population built by {@code guichet-synthetic}, passed by the pom as {@code synthea.dir}. */
final class SyntheaFixture {

    private SyntheaFixture() {
    }

    /** The bulk NDJSON directory; fails with instructions when the fixture has not been generated. */
    static Path fhirDirectory() {
        String dir = System.getProperty("synthea.dir");
        if (dir == null) {
            throw new IllegalStateException("System property synthea.dir is not set: run the tests through Maven"
                    + " (guichet-dataplane/pom.xml passes it), or pass -Dsynthea.dir=<guichet-synthetic/target/synthea>");
        }
        Path fhir = Path.of(dir).resolve("fhir");
        if (!Files.isRegularFile(fhir.resolve("Patient.ndjson"))) {
            throw new IllegalStateException("The Synthea fixture is missing at " + fhir + ": build it first with"
                    + " `mvn -B -ntp -pl guichet-synthetic,guichet-dataplane install` (or `mvn install` at the root)");
        }
        return fhir;
    }

    /** Non-blank lines of a file: the records a delivery reads from it. */
    static long records(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
