package eu.guichet.catalogue;

import java.net.URI;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a data holder says about a dataset: the HealthDCAT-AP dataset properties Guichet keeps (the reference lists
 * each one with its RDF property, in docs/reference/catalogue-properties.md). The HDAB, publisher and custodian are
 * agents; the variables are tables of columns. Null or empty means "not given"; the SHACL shapes of the dataset's
 * access level decide what is required.
 *
 * @param identifier            dct:identifier, stable across versions (e.g. {@code FR-SNDS-DCIR})
 * @param themes                dcat:theme; always includes HEAL for a health dataset
 * @param type                  dct:type, a concept of the EU dataset-type list or HealthDCAT-AP's
 * @param spatial               dct:spatial, EU country/place concepts (e.g. {@code .../country/FRA})
 * @param applicableLegislation dcatap:applicableLegislation, ELI IRIs (the EHDS for Guichet's own datasets)
 * @param trustedHolder         the custodian is a trusted data holder (EHDS Art. 72)
 * @param hasStructuredData     healthdcatap:hasStructuredData; when true, {@code tables} describe the variables
 */
public record DatasetDescription(
        String identifier,
        LocalizedText title,
        LocalizedText description,
        Keywords keywords,
        Set<DataTheme> themes,
        Set<HealthCategory> healthCategories,
        AccessRights accessRights,
        List<URI> applicableLegislation,
        URI type,
        LocalizedText provenance,
        Period temporalCoverage,
        List<URI> spatial,
        LocalizedText populationCoverage,
        Long numberOfRecords,
        Long numberOfUniqueIndividuals,
        Integer minTypicalAge,
        Integer maxTypicalAge,
        Period retentionPeriod,
        LocalizedText legalBasis,
        LocalizedText purpose,
        ContactPoint contactPoint,
        Agent publisher,
        Agent custodian,
        Agent hdab,
        boolean trustedHolder,
        List<URI> languages,
        URI accrualPeriodicity,
        List<URI> conformsTo,
        List<URI> codingSystems,
        List<String> codeValues,
        List<URI> personalData,
        List<Distribution> distributions,
        boolean hasStructuredData,
        List<VariableTable> tables) {

    /** The EHDS, by its European Legislation Identifier. */
    public static final URI EHDS = URI.create("http://data.europa.eu/eli/reg/2025/327/oj");

    /** The same description with other publisher, custodian and HDAB agents. */
    public DatasetDescription withAgents(Agent publisher, Agent custodian, Agent hdab) {
        return new DatasetDescription(identifier, title, description, keywords, themes, healthCategories,
                accessRights, applicableLegislation, type, provenance, temporalCoverage, spatial, populationCoverage,
                numberOfRecords, numberOfUniqueIndividuals, minTypicalAge, maxTypicalAge, retentionPeriod, legalBasis,
                purpose, contactPoint, publisher, custodian, hdab, trustedHolder, languages, accrualPeriodicity,
                conformsTo, codingSystems, codeValues, personalData, distributions, hasStructuredData, tables);
    }

    public DatasetDescription {
        title = orEmpty(title);
        description = orEmpty(description);
        provenance = orEmpty(provenance);
        populationCoverage = orEmpty(populationCoverage);
        legalBasis = orEmpty(legalBasis);
        purpose = orEmpty(purpose);
        keywords = keywords == null ? Keywords.NONE : keywords;
        themes = themes == null ? Set.of() : Set.copyOf(themes);
        healthCategories = healthCategories == null ? Set.of() : Set.copyOf(healthCategories);
        applicableLegislation = copy(applicableLegislation);
        spatial = copy(spatial);
        languages = copy(languages);
        conformsTo = copy(conformsTo);
        codingSystems = copy(codingSystems);
        codeValues = copy(codeValues);
        personalData = copy(personalData);
        distributions = copy(distributions);
        tables = copy(tables);
    }

    /** Every variable of every table, with its table. */
    public List<VariableRef> variables() {
        return tables.stream()
                .flatMap(t -> t.columns().stream().map(c -> new VariableRef(t.name(), c.name())))
                .toList();
    }

    /** A variable named by its table and column, the way a permit scope names it. */
    public record VariableRef(String table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** Keywords in French and in English (dcat:keyword with a language tag). */
    public record Keywords(List<String> fr, List<String> en) {
        public static final Keywords NONE = new Keywords(List.of(), List.of());

        public Keywords {
            fr = copy(fr);
            en = copy(en);
        }

        @JsonIgnore
        public boolean isEmpty() {
            return fr.isEmpty() && en.isEmpty();
        }

        /** The keywords in the given language, else in the other one. */
        public List<String> in(java.util.Locale locale) {
            boolean french = locale != null && "fr".equals(locale.getLanguage());
            List<String> first = french ? fr : en;
            return first.isEmpty() ? (french ? en : fr) : first;
        }
    }

    private static LocalizedText orEmpty(LocalizedText text) {
        return text == null ? LocalizedText.EMPTY : text;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }
}
