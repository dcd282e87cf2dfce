package eu.guichet.catalogue;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Test data: realistic dataset descriptions, modelled on the French national health data system (SNDS). Lists are
 * in the canonical order the RDF reader returns them (RDF values are unordered), so that a round trip through RDF
 * gives back an equal record.
 */
public final class DatasetDescriptions {

    private static final String AUTH = "http://publications.europa.eu/resource/authority/";
    private static final String HEALTH_AUTH = "https://hdeu-dcat.data.health.europa.eu/resource/authority/";

    private DatasetDescriptions() {
    }

    /** A complete NON_PUBLIC description of SNDS-like claims data that conforms to the HealthDCAT-AP r8 shapes. */
    public static DatasetDescription aValidNonPublicDataset() {
        return new DatasetDescription(
                "FR-SNDS-DCIR",
                LocalizedText.of("Données de consommation inter-régimes (DCIR)",
                        "Inter-scheme consumption data (DCIR)"),
                LocalizedText.of(
                        "Remboursements de soins de ville de l'Assurance maladie, tous régimes, depuis 2006.",
                        "Outpatient care reimbursements by the national health insurance, all schemes, since 2006."),
                new DatasetDescription.Keywords(List.of("assurance maladie", "remboursements"),
                        List.of("claims", "health insurance")),
                Set.of(DataTheme.HEAL, DataTheme.SOCI),
                Set.of(HealthCategory.HRAD),
                AccessRights.NON_PUBLIC,
                List.of(DatasetDescription.EHDS),
                URI.create(AUTH + "dataset-type/STATISTICAL"),
                LocalizedText.of("Extrait des bases de remboursement de la CNAM, pseudonymisé.",
                        "Extracted from the CNAM reimbursement databases, pseudonymised."),
                new Period(LocalDate.of(2006, 1, 1), LocalDate.of(2024, 12, 31)),
                List.of(URI.create(AUTH + "country/FRA")),
                LocalizedText.of("Toute personne affiliée à un régime d'assurance maladie en France.",
                        "Everyone covered by a French health insurance scheme."),
                12_000_000_000L,
                68_000_000L,
                0,
                120,
                new Period(LocalDate.of(2006, 1, 1), LocalDate.of(2044, 12, 31)),
                LocalizedText.of("Code de la santé publique, art. L1461-1 ; EHDS art. 53.",
                        "French Public Health Code, art. L1461-1; EHDS Art. 53."),
                LocalizedText.of("Recherche, études et évaluations d'intérêt public.",
                        "Research, studies and evaluations in the public interest."),
                new ContactPoint("snds@guichet.example.fr", URI.create("https://guichet.example.fr/contact"),
                        "+33 1 23 45 67 89"),
                agent("Caisse nationale de l'Assurance maladie", "national-authority", "snds@cnam.example.fr"),
                agent("Caisse nationale de l'Assurance maladie", "national-authority", "donnees@cnam.example.fr"),
                agent("Guichet — organisme d'accès aux données de santé", "national-authority",
                        "contact@guichet.example.fr"),
                true,
                List.of(URI.create(AUTH + "language/ENG"), URI.create(AUTH + "language/FRA")),
                URI.create(AUTH + "frequency/ANNUAL"),
                List.of(URI.create(HEALTH_AUTH + "standard/OMOP")),
                List.of(URI.create(HEALTH_AUTH + "coding-system/ATC"),
                        URI.create(HEALTH_AUTH + "coding-system/ICD-10")),
                List.of("CCAM", "CIP13"),
                List.of(URI.create("https://w3id.org/dpv/dpv-pd#Age"),
                        URI.create("https://w3id.org/dpv/dpv-pd#Gender")),
                List.of(new Distribution(
                        LocalizedText.of("Accès via le Guichet", "Access through Guichet"),
                        LocalizedText.of("Les données sont mises à disposition dans l'environnement sécurisé.",
                                "Data is made available in the secure processing environment."),
                        URI.create("https://guichet.example.fr/applications/new?dataset=FR-SNDS-DCIR"),
                        null,
                        URI.create(AUTH + "file-type/PARQUET"),
                        URI.create("http://www.iana.org/assignments/media-types/application/vnd.apache.parquet"),
                        450_000_000_000L,
                        URI.create("https://guichet.example.fr/licences/permit"),
                        LocalizedText.of("Accès sur autorisation de l'organisme d'accès.",
                                "Access under a data permit only."))),
                true,
                List.of(claims(), beneficiaries()));
    }

    /** The same content, published openly (an aggregated indicator set). */
    public static DatasetDescription aValidPublicDataset() {
        return with(aValidNonPublicDataset(), AccessRights.PUBLIC);
    }

    public static DatasetDescription aValidRestrictedDataset() {
        return with(aValidNonPublicDataset(), AccessRights.RESTRICTED);
    }

    /** The description with another access level, everything else equal. */
    public static DatasetDescription with(DatasetDescription d, AccessRights level) {
        return new DatasetDescription(d.identifier(), d.title(), d.description(), d.keywords(), d.themes(),
                d.healthCategories(), level, d.applicableLegislation(), d.type(), d.provenance(),
                d.temporalCoverage(), d.spatial(), d.populationCoverage(), d.numberOfRecords(),
                d.numberOfUniqueIndividuals(), d.minTypicalAge(), d.maxTypicalAge(), d.retentionPeriod(),
                d.legalBasis(), d.purpose(), d.contactPoint(), d.publisher(), d.custodian(), d.hdab(),
                d.trustedHolder(), d.languages(), d.accrualPeriodicity(), d.conformsTo(), d.codingSystems(),
                d.codeValues(), d.personalData(), d.distributions(), d.hasStructuredData(), d.tables());
    }

    private static Agent agent(String name, String type, String email) {
        return new Agent(name, URI.create(HEALTH_AUTH + "publisher-type/" + type),
                new ContactPoint(email, URI.create("https://guichet.example.fr/contact"), "+33 1 00 00 00 00"));
    }

    private static VariableTable beneficiaries() {
        return new VariableTable("IR_BEN_R", LocalizedText.of("Référentiel des bénéficiaires", "Beneficiaries"),
                LocalizedText.of("Une ligne par bénéficiaire.", "One row per beneficiary."),
                List.of(
                        new Variable("BEN_NAI_ANN", LocalizedText.of("Année de naissance", "Year of birth"),
                                LocalizedText.of("Année de naissance du bénéficiaire.",
                                        "The beneficiary's year of birth."),
                                "gYear", null, List.of()),
                        new Variable("BEN_RES_DPT", LocalizedText.of("Département de résidence",
                                "Department of residence"),
                                LocalizedText.of("Code du département de résidence.", "Department code."),
                                "string", URI.create("http://publications.europa.eu/resource/authority/atu"),
                                List.of()),
                        new Variable("BEN_SEX_COD", LocalizedText.of("Sexe", "Sex"),
                                LocalizedText.of("Sexe du bénéficiaire.", "The beneficiary's sex."), "integer",
                                null, List.of(new Variable.CodeValue("1", "Masculin"),
                                        new Variable.CodeValue("2", "Féminin"),
                                        new Variable.CodeValue("9", "Inconnu")))));
    }

    private static VariableTable claims() {
        return new VariableTable("ER_PRS_F", LocalizedText.of("Prestations", "Claims"), LocalizedText.EMPTY,
                List.of(
                        new Variable("EXE_SOI_DTD", LocalizedText.of("Date de début des soins", "Care start date"),
                                LocalizedText.of("Date de début d'exécution des soins.", "When care started."),
                                "date", null, List.of()),
                        new Variable("PRS_NAT_REF", LocalizedText.of("Nature de la prestation", "Claim type"),
                                LocalizedText.of("Code de la prestation de référence.", "Reference claim code."),
                                "integer", null, List.of())));
    }
}
