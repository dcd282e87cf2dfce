package eu.guichet.catalogue;

import java.net.URI;

/**
 * An organisation named in a dataset description: publisher, custodian (the data holder) or HDAB (HealthDCAT-AP
 * health agent: a name, a type from the publisher-type list, and one contact point).
 *
 * @param type a concept of the HealthDCAT-AP publisher-type list, or {@code null}
 */
public record Agent(String name, URI type, ContactPoint contactPoint) {

    public Agent {
        name = name == null || name.isBlank() ? null : name.strip();
    }
}
