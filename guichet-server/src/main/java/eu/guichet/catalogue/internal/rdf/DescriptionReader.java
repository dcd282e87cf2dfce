package eu.guichet.catalogue.internal.rdf;

import static eu.guichet.catalogue.internal.rdf.RdfValues.bool;
import static eu.guichet.catalogue.internal.rdf.RdfValues.date;
import static eu.guichet.catalogue.internal.rdf.RdfValues.integer;
import static eu.guichet.catalogue.internal.rdf.RdfValues.iri;
import static eu.guichet.catalogue.internal.rdf.RdfValues.iris;
import static eu.guichet.catalogue.internal.rdf.RdfValues.name;
import static eu.guichet.catalogue.internal.rdf.RdfValues.node;
import static eu.guichet.catalogue.internal.rdf.RdfValues.nodes;
import static eu.guichet.catalogue.internal.rdf.RdfValues.number;
import static eu.guichet.catalogue.internal.rdf.RdfValues.string;
import static eu.guichet.catalogue.internal.rdf.RdfValues.strings;
import static eu.guichet.catalogue.internal.rdf.RdfValues.text;
import static eu.guichet.catalogue.internal.rdf.RdfValues.values;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.Distribution;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;

/** Reads one dcat:Dataset node into a {@link DatasetDescription}: the inverse of {@link HealthDcatWriter}. */
final class DescriptionReader {

    DatasetDescription read(Resource ds) {
        List<String> keywordsFr = new ArrayList<>();
        List<String> keywordsOther = new ArrayList<>();
        List<String> keywordsEn = new ArrayList<>();
        values(ds, Vocab.KEYWORD).stream().filter(RDFNode::isLiteral).map(RDFNode::asLiteral).forEach(l -> {
            String lang = l.getLanguage().toLowerCase(java.util.Locale.ROOT);
            (lang.equals("fr") || lang.startsWith("fr-") ? keywordsFr
                    : lang.equals("en") || lang.startsWith("en-") ? keywordsEn : keywordsOther)
                    .add(l.getLexicalForm());
        });
        Optional<Resource> publisher = node(ds, Vocab.PUBLISHER);
        Optional<Resource> custodian = node(ds, Vocab.CUSTODIAN);
        boolean trusted = publisher.map(p -> bool(p, Vocab.TRUSTED_DATA_HOLDER)).orElse(false)
                || custodian.map(c -> bool(c, Vocab.TRUSTED_DATA_HOLDER)).orElse(false);
        return new DatasetDescription(
                string(ds, Vocab.IDENTIFIER),
                text(ds, Vocab.TITLE),
                text(ds, Vocab.DESCRIPTION),
                new DatasetDescription.Keywords(sorted(keywordsFr),
                        sorted(keywordsEn.isEmpty() ? keywordsOther : keywordsEn)),
                enums(ds, Vocab.THEME, DataTheme::fromUri),
                enums(ds, Vocab.HEALTH_CATEGORY, HealthCategory::fromUri),
                Optional.ofNullable(iri(ds, Vocab.ACCESS_RIGHTS)).flatMap(u -> AccessRights.fromUri(u.toString()))
                        .orElse(null),
                iris(ds, Vocab.APPLICABLE_LEGISLATION),
                iri(ds, Vocab.TYPE),
                statement(ds, Vocab.PROVENANCE, Vocab.LABEL, Vocab.DESCRIPTION),
                period(ds, Vocab.TEMPORAL),
                iris(ds, Vocab.SPATIAL),
                text(ds, Vocab.POPULATION_COVERAGE),
                number(ds, Vocab.NUMBER_OF_RECORDS),
                number(ds, Vocab.NUMBER_OF_UNIQUE_INDIVIDUALS),
                integer(ds, Vocab.MIN_TYPICAL_AGE),
                integer(ds, Vocab.MAX_TYPICAL_AGE),
                period(ds, Vocab.RETENTION_PERIOD),
                statement(ds, Vocab.HAS_LEGAL_BASIS, Vocab.DESCRIPTION, Vocab.LABEL),
                statement(ds, Vocab.HAS_PURPOSE, Vocab.DESCRIPTION, Vocab.LABEL),
                node(ds, Vocab.CONTACT_POINT_DCAT).map(DescriptionReader::vcardContact).orElse(null),
                publisher.map(DescriptionReader::agent).orElse(null),
                custodian.map(DescriptionReader::agent).orElse(null),
                node(ds, Vocab.HDAB).map(DescriptionReader::agent).orElse(null),
                trusted,
                iris(ds, Vocab.LANGUAGE),
                iri(ds, Vocab.ACCRUAL_PERIODICITY),
                iris(ds, Vocab.CONFORMS_TO),
                iris(ds, Vocab.HAS_CODING_SYSTEM),
                strings(ds, Vocab.HAS_CODE_VALUES),
                iris(ds, Vocab.HAS_PERSONAL_DATA),
                nodes(ds, Vocab.DISTRIBUTION_PROP).stream().map(DescriptionReader::distribution).toList(),
                bool(ds, Vocab.HAS_STRUCTURED_DATA),
                tables(ds));
    }

    private static <E extends Enum<E>> Set<E> enums(Resource ds, Property p, Function<String, Optional<E>> parse) {
        return iris(ds, p).stream().map(u -> parse.apply(u.toString())).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    /** A text held by a node (e.g. the rdfs:label of a dct:ProvenanceStatement), or given directly as a literal. */
    private static LocalizedText statement(Resource ds, Property property, Property text, Property fallback) {
        if (values(ds, property).stream().anyMatch(RDFNode::isLiteral)) {
            return text(ds, property);
        }
        return node(ds, property).map(n -> {
            LocalizedText t = text(n, text);
            return t.isEmpty() ? text(n, fallback) : t;
        }).orElse(LocalizedText.EMPTY);
    }

    private static Period period(Resource ds, Property property) {
        return node(ds, property).map(n -> new Period(date(n, Vocab.START_DATE), date(n, Vocab.END_DATE)))
                .filter(p -> !p.isEmpty()).orElse(null);
    }

    private static ContactPoint vcardContact(Resource kind) {
        String email = Optional.ofNullable(iri(kind, Vocab.HAS_EMAIL)).map(URI::toString)
                .or(() -> Optional.ofNullable(string(kind, Vocab.HAS_EMAIL))).map(DescriptionReader::withoutMailto)
                .orElse(null);
        String telephone = Optional.ofNullable(iri(kind, Vocab.HAS_TELEPHONE))
                .map(u -> "tel".equalsIgnoreCase(u.getScheme()) ? u.getSchemeSpecificPart() : u.toString())
                .orElse(string(kind, Vocab.HAS_TELEPHONE));
        ContactPoint contact = new ContactPoint(email, iri(kind, Vocab.HAS_URL), telephone);
        return contact.isEmpty() ? null : contact;
    }

    private static Agent agent(Resource node) {
        ContactPoint contact = node(node, Vocab.AGENT_CONTACT_POINT).map(cp -> new ContactPoint(
                Optional.ofNullable(string(cp, Vocab.EMAIL)).map(DescriptionReader::withoutMailto).orElse(null),
                iri(cp, Vocab.CONTACT_PAGE), string(cp, Vocab.TELEPHONE)))
                .filter(c -> !c.isEmpty()).orElse(null);
        return new Agent(name(node, Vocab.NAME), iri(node, Vocab.TYPE), contact);
    }

    private static String withoutMailto(String email) {
        return email.regionMatches(true, 0, "mailto:", 0, 7) ? email.substring(7) : email;
    }

    private static Distribution distribution(Resource d) {
        return new Distribution(text(d, Vocab.TITLE), text(d, Vocab.DESCRIPTION), iri(d, Vocab.ACCESS_URL),
                iri(d, Vocab.DOWNLOAD_URL), iri(d, Vocab.FORMAT), iri(d, Vocab.MEDIA_TYPE_PROP),
                number(d, Vocab.BYTE_SIZE), iri(d, Vocab.LICENSE),
                statement(d, Vocab.RIGHTS, Vocab.LABEL, Vocab.DESCRIPTION));
    }

    private static List<VariableTable> tables(Resource ds) {
        return nodes(ds, Vocab.HAS_VARIABLES).stream()
                .flatMap(group -> nodes(group, Vocab.CSVW_TABLE).stream())
                .map(t -> new VariableTable(string(t, Vocab.IDENTIFIER), text(t, Vocab.TITLE),
                        text(t, Vocab.DESCRIPTION),
                        nodes(t, Vocab.CSVW_COLUMN).stream().map(DescriptionReader::variable).toList()))
                .toList();
    }

    private static Variable variable(Resource c) {
        List<Variable.CodeValue> codes = new ArrayList<>();
        for (RDFNode value : nodes(c, Vocab.HAS_CODE_VALUES)) {
            codes.add(new Variable.CodeValue(string(value.asResource(), Vocab.VALUE),
                    string(value.asResource(), Vocab.LABEL)));
        }
        values(c, Vocab.HAS_CODE_VALUES).stream().filter(RDFNode::isLiteral).map(RDFNode::asLiteral)
                .map(Literal::getLexicalForm).sorted()
                .forEach(code -> codes.add(new Variable.CodeValue(code, null)));
        return new Variable(string(c, Vocab.CSVW_NAME), text(c, Vocab.CSVW_TITLE), text(c, Vocab.DESCRIPTION),
                string(c, Vocab.CSVW_DATATYPE), iri(c, Vocab.CSVW_PROPERTY_URL), codes);
    }
}
