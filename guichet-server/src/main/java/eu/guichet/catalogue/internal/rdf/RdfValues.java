package eu.guichet.catalogue.internal.rdf;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;

import eu.guichet.catalogue.LocalizedText;

/**
 * Reading values off a node, tolerantly. RDF values are unordered: lists come back in a canonical order (IRIs and
 * literals in lexical order, nested nodes in the natural order of their IRIs, so {@code #distribution-2} comes
 * before {@code #distribution-10}).
 */
final class RdfValues {

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** Natural order: runs of digits compare as numbers. */
    static final Comparator<String> NATURAL = RdfValues::compareNatural;

    private RdfValues() {
    }

    static List<RDFNode> values(Resource subject, Property property) {
        return subject.listProperties(property).mapWith(s -> s.getObject()).toList();
    }

    /** Nested nodes (IRIs or blank nodes), in natural IRI order (blank nodes last, by label). */
    static List<Resource> nodes(Resource subject, Property property) {
        return values(subject, property).stream().filter(RDFNode::isResource).map(RDFNode::asResource)
                .sorted(Comparator.comparing(r -> r.isURIResource() ? "0" + r.getURI() : "1" + r.getId(), NATURAL))
                .toList();
    }

    static Optional<Resource> node(Resource subject, Property property) {
        return nodes(subject, property).stream().findFirst();
    }

    static List<URI> iris(Resource subject, Property property) {
        return values(subject, property).stream().filter(RDFNode::isURIResource)
                .map(n -> n.asResource().getURI()).sorted().map(RdfValues::uri).flatMap(Optional::stream).toList();
    }

    static URI iri(Resource subject, Property property) {
        return iris(subject, property).stream().findFirst().orElse(null);
    }

    static List<String> strings(Resource subject, Property property) {
        return values(subject, property).stream().filter(RDFNode::isLiteral)
                .map(n -> n.asLiteral().getLexicalForm()).sorted().toList();
    }

    static String string(Resource subject, Property property) {
        return strings(subject, property).stream().findFirst().orElse(null);
    }

    /**
     * French and English text. {@code fr} is the literal tagged {@code fr} (or {@code fr-*}); {@code en} is the one
     * tagged {@code en} (or {@code en-*}), else an untagged literal, else a literal in any other language. When a
     * language has several, the first in lexical order is kept.
     */
    static LocalizedText text(Resource subject, Property property) {
        List<Literal> literals = values(subject, property).stream().filter(RDFNode::isLiteral)
                .map(RDFNode::asLiteral)
                .sorted(Comparator.comparing(Literal::getLanguage).thenComparing(Literal::getLexicalForm))
                .toList();
        String fr = firstIn(literals, "fr");
        String en = firstIn(literals, "en");
        if (en == null) {
            en = literals.stream().filter(l -> l.getLanguage().isEmpty()).map(Literal::getLexicalForm).findFirst()
                    .orElse(literals.stream().filter(l -> !isLanguage(l, "fr")).map(Literal::getLexicalForm)
                            .findFirst().orElse(null));
        }
        return new LocalizedText(fr, en);
    }

    /** A single-language name: the untagged one, else the English, else the French, else any. */
    static String name(Resource subject, Property property) {
        List<Literal> literals = values(subject, property).stream().filter(RDFNode::isLiteral)
                .map(RDFNode::asLiteral).sorted(Comparator.comparing(Literal::getLexicalForm)).toList();
        return literals.stream().filter(l -> l.getLanguage().isEmpty()).findFirst()
                .or(() -> literals.stream().filter(l -> isLanguage(l, "en")).findFirst())
                .or(() -> literals.stream().filter(l -> isLanguage(l, "fr")).findFirst())
                .or(() -> literals.stream().findFirst())
                .map(Literal::getLexicalForm).orElse(null);
    }

    static Long number(Resource subject, Property property) {
        String lexical = string(subject, property);
        if (lexical == null) {
            return null;
        }
        try {
            return new BigDecimal(lexical.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static Integer integer(Resource subject, Property property) {
        Long n = number(subject, property);
        return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
    }

    static boolean bool(Resource subject, Property property) {
        String lexical = string(subject, property);
        return lexical != null && (lexical.strip().equals("true") || lexical.strip().equals("1"));
    }

    /** An xsd:date, or the date part of an xsd:dateTime; null for anything else. */
    static LocalDate date(Resource subject, Property property) {
        String lexical = string(subject, property);
        if (lexical == null || lexical.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(lexical.substring(0, 10));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static Optional<URI> uri(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String firstIn(List<Literal> literals, String language) {
        return literals.stream().filter(l -> isLanguage(l, language)).map(Literal::getLexicalForm).findFirst()
                .orElse(null);
    }

    private static boolean isLanguage(Literal literal, String language) {
        String tag = literal.getLanguage().toLowerCase(java.util.Locale.ROOT);
        return tag.equals(language) || tag.startsWith(language + "-");
    }

    private static int compareNatural(String a, String b) {
        Matcher ma = NUMBER.matcher(a);
        Matcher mb = NUMBER.matcher(b);
        int ia = 0;
        int ib = 0;
        while (ma.find(ia) && mb.find(ib) && ma.start() - ia == mb.start() - ib
                && a.substring(ia, ma.start()).equals(b.substring(ib, mb.start()))) {
            int byNumber = new BigDecimal(ma.group()).compareTo(new BigDecimal(mb.group()));
            if (byNumber != 0) {
                return byNumber;
            }
            ia = ma.end();
            ib = mb.end();
        }
        return a.substring(Math.min(ia, a.length())).compareTo(b.substring(Math.min(ib, b.length())));
    }
}
