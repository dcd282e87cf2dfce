package eu.guichet.catalogue.internal.demo;

import java.net.URI;
import java.util.List;
import java.util.Set;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.DatasetDescription.Keywords;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Period;

/**
 * One demo dataset as written in {@code demo/catalogue/<identifier>.json}: the holder's words. {@link DemoCatalogue}
 * adds what every demo dataset shares (theme, legislation, country, language, agents, distribution) and the variables.
 *
 * @param type               a concept code of the EU dataset-type list (e.g. {@code STATISTICAL})
 * @param accrualPeriodicity a concept code of the EU frequency list (e.g. {@code ANNUAL})
 * @param codingSystems      concept codes of the HealthDCAT-AP coding-system list (e.g. {@code ICD-10})
 * @param conformsTo         concept codes of the HealthDCAT-AP standard list (e.g. {@code FHIR})
 * @param sndsSchemas        SNDS Table Schema files under {@code demo/snds-schema/schemas/}
 * @param csvw               a CSVW metadata file under {@code demo/catalogue/variables/}
 */
record DemoDatasetSpec(String holder, String identifier, LocalizedText title, LocalizedText description,
        Keywords keywords, Set<HealthCategory> healthCategories, AccessRights accessRights, String type,
        LocalizedText provenance, Period temporalCoverage, LocalizedText populationCoverage, Long numberOfRecords,
        Long numberOfUniqueIndividuals, Integer minTypicalAge, Integer maxTypicalAge, Period retentionPeriod,
        LocalizedText legalBasis, LocalizedText purpose, String accrualPeriodicity, List<String> codingSystems,
        List<String> conformsTo, List<String> codeValues, List<URI> personalData, boolean trustedHolder,
        List<String> sndsSchemas, String csvw) {

    DemoDatasetSpec {
        codingSystems = codingSystems == null ? List.of() : List.copyOf(codingSystems);
        conformsTo = conformsTo == null ? List.of() : List.copyOf(conformsTo);
        codeValues = codeValues == null ? List.of() : List.copyOf(codeValues);
        personalData = personalData == null ? List.of() : List.copyOf(personalData);
        sndsSchemas = sndsSchemas == null ? List.of() : List.copyOf(sndsSchemas);
    }
}
