package eu.guichet.catalogue;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * Themes of the EU data-theme authority list. Every health dataset carries {@link #HEAL}; others may be added
 * (e.g. {@link #SOCI} for a social survey). Labels are in the message bundles under {@code theme.<CODE>}.
 */
public enum DataTheme {
    AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN;

    private static final String BASE = "http://publications.europa.eu/resource/authority/data-theme/";

    public URI uri() {
        return URI.create(BASE + name());
    }

    public static Optional<DataTheme> fromUri(String uri) {
        return Arrays.stream(values()).filter(t -> t.uri().toString().equals(uri)).findFirst();
    }
}
