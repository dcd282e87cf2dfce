package eu.guichet.catalogue.internal.rdf;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/** The RDF serialisations Guichet offers harvesters, with their media types. */
public enum RdfFormat {
    TURTLE("text/turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    /** JSON-LD 1.1, compacted with a context made of the HealthDCAT-AP prefixes. */
    JSON_LD("application/ld+json", Lang.JSONLD11, RDFFormat.JSONLD11_PRETTY),
    RDF_XML("application/rdf+xml", Lang.RDFXML, RDFFormat.RDFXML_PRETTY);

    private final String mediaType;
    private final Lang lang;
    private final RDFFormat jenaFormat;

    RdfFormat(String mediaType, Lang lang, RDFFormat jenaFormat) {
        this.mediaType = mediaType;
        this.lang = lang;
        this.jenaFormat = jenaFormat;
    }

    public String mediaType() {
        return mediaType;
    }

    Lang lang() {
        return lang;
    }

    RDFFormat jenaFormat() {
        return jenaFormat;
    }

    /** The format of exactly this media type (parameters such as {@code charset} ignored). */
    public static Optional<RdfFormat> fromMediaType(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        String bare = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
    }

    /**
     * The format an HTTP {@code Accept} header prefers: the offered type with the highest {@code q} (ties go to
     * the earlier entry), Turtle for a missing header or for {@code *}{@code /*}; empty when nothing offered is
     * acceptable (answer 406).
     */
    public static Optional<RdfFormat> fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(TURTLE);
        }
        record Choice(RdfFormat format, double q, int position) {
        }
        String[] ranges = accept.split(",");
        java.util.List<Choice> choices = new java.util.ArrayList<>();
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            if (q <= 0) {
                continue;
            }
            if (type.equals("*/*") || type.equals("text/*")) {
                choices.add(new Choice(TURTLE, q, i));
            } else if (type.equals("application/*")) {
                choices.add(new Choice(JSON_LD, q, i));
            } else {
                int position = i;
                fromMediaType(type).ifPresent(f -> choices.add(new Choice(f, q, position)));
            }
        }
        return choices.stream()
                .max(Comparator.comparingDouble(Choice::q).thenComparing(c -> -c.position()))
                .map(Choice::format);
    }

    /** The quality of one media range of an Accept header split on {@code ;} (1 when absent, 0 when unreadable). */
    public static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
