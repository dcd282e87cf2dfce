package eu.guichet.catalogue.internal.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The official HealthDCAT-AP r8 examples, from the test classpath. */
final class Examples {

    static final String DATASET = "example-healthdcat-dataset.ttl";
    static final String VARIABLES = "healthdcataphasVariables.ttl";

    private Examples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/healthdcat-ap/examples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing example " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
