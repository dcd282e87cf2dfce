package eu.guichet.catalogue;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Access level of a dataset (EU access-right authority list). Each level has its own HealthDCAT-AP shapes; personal
 * health data made available under the EHDS is {@link #NON_PUBLIC}.
 */
public enum AccessRights {
    PUBLIC, RESTRICTED, NON_PUBLIC;

    private static final String BASE = "http://publications.europa.eu/resource/authority/access-right/";

    public URI uri() {
        return URI.create(BASE + name());
    }

    public static Optional<AccessRights> fromUri(String uri) {
        return Arrays.stream(values()).filter(a -> a.uri().toString().equals(uri)).findFirst();
    }
}
