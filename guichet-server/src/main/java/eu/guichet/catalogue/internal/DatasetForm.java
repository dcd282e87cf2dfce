package eu.guichet.catalogue.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.ContactPoint;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetDescription.Keywords;
import eu.guichet.catalogue.Distribution;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;
import eu.guichet.catalogue.VariableTable;

/**
 * The holder's editor form: the description's fields as the browser sends them (texts, comma-separated keywords,
 * one main distribution). Variables are not edited here but imported from a Table Schema or CSVW file; the
 * tables already described travel unchanged. Unparseable numbers, dates and addresses are kept as typed and
 * reported next to their field.
 */
public class DatasetForm {

    public String identifier = "";
    public String titleFr = "", titleEn = "", descriptionFr = "", descriptionEn = "";
    public String keywordsFr = "", keywordsEn = "";
    public List<HealthCategory> healthCategories = new ArrayList<>();
    public List<DataTheme> themes = new ArrayList<>(List.of(DataTheme.HEAL));
    public AccessRights accessRights = AccessRights.NON_PUBLIC;
    public String type = "";
    public String provenanceFr = "", provenanceEn = "";
    public String temporalStart = "", temporalEnd = "";
    public String spatial = "http://publications.europa.eu/resource/authority/country/FRA";
    public String populationFr = "", populationEn = "";
    public String numberOfRecords = "", numberOfUniqueIndividuals = "", minTypicalAge = "", maxTypicalAge = "";
    public String retentionStart = "", retentionEnd = "";
    public String legalBasisFr = "", legalBasisEn = "", purposeFr = "", purposeEn = "";
    public String contactEmail = "", contactUrl = "";
    public boolean trustedHolder;
    public String distributionTitleFr = "", distributionTitleEn = "", distributionAccessUrl = "",
            distributionFormat = "";
    public boolean hasStructuredData = true;

    /** Fields that could not be read, by form field name → message key. */
    private final java.util.Map<String, String> unreadable = new java.util.LinkedHashMap<>();

    public static DatasetForm of(DatasetDescription d) {
        DatasetForm f = new DatasetForm();
        f.identifier = nz(d.identifier());
        f.titleFr = nz(d.title().fr());
        f.titleEn = nz(d.title().en());
        f.descriptionFr = nz(d.description().fr());
        f.descriptionEn = nz(d.description().en());
        f.keywordsFr = String.join(", ", d.keywords().fr());
        f.keywordsEn = String.join(", ", d.keywords().en());
        f.healthCategories = new ArrayList<>(d.healthCategories());
        f.themes = new ArrayList<>(d.themes());
        f.accessRights = d.accessRights();
        f.type = d.type() == null ? "" : d.type().toString();
        f.provenanceFr = nz(d.provenance().fr());
        f.provenanceEn = nz(d.provenance().en());
        f.temporalStart = date(d.temporalCoverage(), true);
        f.temporalEnd = date(d.temporalCoverage(), false);
        f.spatial = d.spatial().isEmpty() ? "" : d.spatial().get(0).toString();
        f.populationFr = nz(d.populationCoverage().fr());
        f.populationEn = nz(d.populationCoverage().en());
        f.numberOfRecords = num(d.numberOfRecords());
        f.numberOfUniqueIndividuals = num(d.numberOfUniqueIndividuals());
        f.minTypicalAge = num(d.minTypicalAge());
        f.maxTypicalAge = num(d.maxTypicalAge());
        f.retentionStart = date(d.retentionPeriod(), true);
        f.retentionEnd = date(d.retentionPeriod(), false);
        f.legalBasisFr = nz(d.legalBasis().fr());
        f.legalBasisEn = nz(d.legalBasis().en());
        f.purposeFr = nz(d.purpose().fr());
        f.purposeEn = nz(d.purpose().en());
        if (d.contactPoint() != null) {
            f.contactEmail = nz(d.contactPoint().email());
            f.contactUrl = d.contactPoint().url() == null ? "" : d.contactPoint().url().toString();
        }
        f.trustedHolder = d.trustedHolder();
        if (!d.distributions().isEmpty()) {
            Distribution main = d.distributions().get(0);
            f.distributionTitleFr = main.title() == null ? "" : nz(main.title().fr());
            f.distributionTitleEn = main.title() == null ? "" : nz(main.title().en());
            f.distributionAccessUrl = main.accessUrl() == null ? "" : main.accessUrl().toString();
            f.distributionFormat = main.format() == null ? "" : main.format().toString();
        }
        f.hasStructuredData = d.hasStructuredData();
        return f;
    }

    /**
     * The description this form says, keeping from {@code previous} what the form does not edit (variables, further
     * distributions, agents, coding systems...).
     */
    public DatasetDescription toDescription(DatasetDescription previous) {
        unreadable.clear();
        List<Distribution> distributions = new ArrayList<>(previous == null ? List.of() : previous.distributions());
        Distribution old = distributions.isEmpty() ? null : distributions.remove(0);
        URI access = uri("distributionAccessUrl", distributionAccessUrl);
        if (access != null || !distributionTitleFr.isBlank() || !distributionTitleEn.isBlank()) {
            distributions.add(0, new Distribution(LocalizedText.of(distributionTitleFr, distributionTitleEn),
                    old == null ? null : old.description(), access, old == null ? null : old.downloadUrl(),
                    uri("distributionFormat", distributionFormat), old == null ? null : old.mediaType(),
                    old == null ? null : old.byteSize(), old == null ? null : old.license(),
                    old == null ? null : old.rights()));
        }
        URI contactPage = uri("contactUrl", contactUrl);
        ContactPoint contact = contactEmail.isBlank() && contactPage == null ? null
                : new ContactPoint(contactEmail, contactPage, null);
        List<VariableTable> tables = previous == null ? List.of() : previous.tables();
        Agent publisher = previous == null ? null : previous.publisher();
        Agent custodian = previous == null ? null : previous.custodian();
        URI spatialUri = uri("spatial", spatial);
        return new DatasetDescription(identifier, LocalizedText.of(titleFr, titleEn),
                LocalizedText.of(descriptionFr, descriptionEn), new Keywords(split(keywordsFr), split(keywordsEn)),
                themes.isEmpty() ? Set.of() : EnumSet.copyOf(themes),
                healthCategories.isEmpty() ? Set.of() : EnumSet.copyOf(healthCategories), accessRights,
                previous == null ? List.of() : previous.applicableLegislation(), uri("type", type),
                LocalizedText.of(provenanceFr, provenanceEn),
                period("temporalStart", temporalStart, "temporalEnd", temporalEnd),
                spatialUri == null ? List.of() : List.of(spatialUri), LocalizedText.of(populationFr, populationEn),
                number("numberOfRecords", numberOfRecords), number("numberOfUniqueIndividuals",
                        numberOfUniqueIndividuals),
                age("minTypicalAge", minTypicalAge), age("maxTypicalAge", maxTypicalAge),
                period("retentionStart", retentionStart, "retentionEnd", retentionEnd),
                LocalizedText.of(legalBasisFr, legalBasisEn), LocalizedText.of(purposeFr, purposeEn), contact,
                publisher, custodian, previous == null ? null : previous.hdab(), trustedHolder,
                previous == null ? List.of(URI.create("http://publications.europa.eu/resource/authority/language/FRA"))
                        : previous.languages(),
                previous == null ? null : previous.accrualPeriodicity(),
                previous == null ? List.of() : previous.conformsTo(),
                previous == null ? List.of() : previous.codingSystems(),
                previous == null ? List.of() : previous.codeValues(),
                previous == null ? List.of() : previous.personalData(), distributions, hasStructuredData, tables);
    }

    /** Form fields whose text could not be read (field name → message key), after {@link #toDescription}. */
    public java.util.Map<String, String> unreadable() {
        return unreadable;
    }

    private URI uri(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(text.strip());
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
                unreadable.put(field, "catalogue.form.url_invalid");
                return null;
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            unreadable.put(field, "catalogue.form.url_invalid");
            return null;
        }
    }

    private Period period(String startField, String start, String endField, String end) {
        LocalDate from = date(startField, start);
        LocalDate to = date(endField, end);
        return from == null && to == null ? null : new Period(from, to);
    }

    private LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            unreadable.put(field, "catalogue.form.date_invalid");
            return null;
        }
    }

    private Long number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(text.strip().replace(" ", "").replace("\u202f", "").replace("\u00a0", ""));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            unreadable.put(field, "catalogue.form.number_invalid");
            return null;
        }
    }

    private Integer age(String field, String text) {
        Long n = number(field, text);
        if (n != null && n > 150) {
            unreadable.put(field, "catalogue.form.number_invalid");
            return null;
        }
        return n == null ? null : n.intValue();
    }

    private static List<String> split(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static String date(Period p, boolean start) {
        if (p == null) {
            return "";
        }
        LocalDate d = start ? p.start() : p.end();
        return d == null ? "" : d.toString();
    }

    private static String num(Number n) {
        return n == null ? "" : n.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
