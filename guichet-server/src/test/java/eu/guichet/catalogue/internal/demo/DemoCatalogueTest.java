package eu.guichet.catalogue.internal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.Agent;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.HealthCategory;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;

@Tag("unit")
class DemoCatalogueTest {

    static final Agent HDAB = DemoAgents.organisation("Plateforme des données de santé (démo)", "hdab@demo.invalid");
    static final Agent HOLDER = DemoAgents.organisation("CHU de Démoville", "dpo@chu-demoville.invalid");

    final DemoCatalogue catalogue = new DemoCatalogue(URI.create("https://guichet.example.fr/"));
    final List<DemoDataset> datasets = catalogue.datasets(DemoAgents.oneHolder(HDAB, HOLDER));

    List<DatasetDescription> descriptions() {
        return datasets.stream().map(DemoDataset::description).toList();
    }

    DatasetDescription dataset(String identifier) {
        return descriptions().stream().filter(d -> d.identifier().equals(identifier)).findFirst().orElseThrow();
    }

    @Test
    void has_every_kind_of_demo_dataset_with_a_unique_identifier() {
        assertThat(descriptions()).extracting(DatasetDescription::identifier)
                .containsExactlyElementsOf(DemoCatalogue.IDENTIFIERS).doesNotHaveDuplicates();
        assertThat(datasets).extracting(DemoDataset::holderKey).containsOnlyElementsOf(DemoAgents.HOLDER_KEYS);
    }

    @Test
    void every_dataset_has_what_the_non_public_shapes_require() {
        assertThat(descriptions()).allSatisfy(d -> {
            String id = d.identifier();
            assertThat(d.title().fr()).as(id).isNotBlank();
            assertThat(d.title().en()).as(id).isNotBlank();
            assertThat(d.description().fr()).as(id).isNotBlank();
            assertThat(d.description().en()).as(id).isNotBlank();
            assertThat(d.accessRights()).as(id).isNotNull();
            assertThat(d.applicableLegislation()).as(id).containsExactly(DatasetDescription.EHDS);
            assertThat(d.themes()).as(id).contains(DataTheme.HEAL);
            assertThat(d.healthCategories()).as(id).isNotEmpty();
            assertThat(d.hdab()).as(id).isEqualTo(HDAB);
            assertThat(d.hdab().contactPoint().isEmpty()).as(id).isFalse();
            assertThat(d.custodian()).as(id).isEqualTo(HOLDER);
            assertThat(d.publisher()).as(id).isNotNull();
            assertThat(d.distributions()).as(id).singleElement().satisfies(distribution -> assertThat(
                    distribution.accessUrl()).isEqualTo(URI.create("https://guichet.example.fr/catalogue/" + id)));
            assertThat(d.hasStructuredData()).as(id).isTrue();
            assertThat(d.tables()).as(id).isNotEmpty();
            assertThat(d.spatial()).as(id)
                    .containsExactly(URI.create("http://publications.europa.eu/resource/authority/country/FRA"));
            assertThat(d.languages()).as(id).isNotEmpty();
            assertThat(d.temporalCoverage().start()).as(id).isBefore(d.temporalCoverage().end());
            assertThat(d.numberOfUniqueIndividuals()).as(id).isPositive()
                    .isLessThanOrEqualTo(d.numberOfRecords());
            assertThat(d.minTypicalAge()).as(id).isLessThan(d.maxTypicalAge());
            assertThat(d.retentionPeriod().isEmpty()).as(id).isFalse();
            assertThat(d.populationCoverage().isEmpty() || d.legalBasis().isEmpty() || d.purpose().isEmpty())
                    .as(id).isFalse();
            if (d.accessRights() == AccessRights.NON_PUBLIC) {
                assertThat(d.contactPoint()).as(id).isNotNull();
                assertThat(d.contactPoint().isEmpty()).as(id).isFalse();
                assertThat(d.keywords().fr()).as(id).isNotEmpty();
                assertThat(d.keywords().en()).as(id).isNotEmpty();
                assertThat(d.type()).as(id).isNotNull();
                assertThat(d.provenance().fr()).as(id).isNotBlank();
                assertThat(d.provenance().en()).as(id).isNotBlank();
            }
        });
    }

    @Test
    void every_table_has_a_title_and_columns_with_name_title_description_and_datatype() {
        for (DatasetDescription d : descriptions()) {
            for (VariableTable table : d.tables()) {
                String where = d.identifier() + " " + table.name();
                assertThat(table.title().isEmpty()).as(where).isFalse();
                assertThat(table.columns()).as(where).isNotEmpty();
                assertThat(table.columns()).as(where).allSatisfy(c -> {
                    assertThat(c.name()).isNotBlank();
                    assertThat(c.title().isEmpty()).as(c.name()).isFalse();
                    assertThat(c.description().isEmpty()).as(c.name()).isFalse();
                    assertThat(c.datatype()).as(c.name()).isNotBlank();
                });
            }
            assertThat(d.tables()).extracting(VariableTable::name).as(d.identifier()).doesNotHaveDuplicates();
        }
    }

    @Test
    void snds_datasets_take_their_variables_from_the_public_schemas() {
        assertThat(dataset("FR-SNDS-DCIR").tables()).extracting(VariableTable::name)
                .containsExactly("ER_PRS_F", "ER_PHA_F", "ER_BIO_F", "ER_ETE_F");
        assertThat(dataset("FR-SNDS-BENEFICIAIRES").variables())
                .contains(new DatasetDescription.VariableRef("IR_BEN_R", "BEN_NAI_ANN"));
        assertThat(dataset("FR-SNDS-PMSI-MCO").tables()).extracting(VariableTable::name)
                .containsExactlyInAnyOrder("T_MCOaaA", "T_MCOaaB", "T_MCOaaC", "T_MCOaaD");
        assertThat(dataset("FR-SNDS-CAUSES-DECES").tables()).extracting(VariableTable::name)
                .containsExactly("KI_CCI_R", "KI_ECD_R");
    }

    @Test
    void health_categories_follow_article_51() {
        assertThat(dataset("FR-SNDS-DCIR").healthCategories()).containsExactly(HealthCategory.HRAD);
        assertThat(dataset("FR-SNDS-CAUSES-DECES").healthCategories()).containsExactly(HealthCategory.MRMR);
        assertThat(dataset("FR-REGISTRE-CANCERS-DEMOVILLE").healthCategories()).contains(HealthCategory.PHDR);
        assertThat(dataset("FR-CHU-DEMOVILLE-EDS").healthCategories()).containsExactly(HealthCategory.EHRS);
        assertThat(dataset("FR-COHORTE-DEMOVILLE").healthCategories()).contains(HealthCategory.RQSH);
    }

    @Test
    void the_warehouse_describes_fhir_tables_and_hba1c() {
        DatasetDescription warehouse = dataset("FR-CHU-DEMOVILLE-EDS");

        assertThat(warehouse.tables()).extracting(VariableTable::name).containsExactly("patient", "encounter",
                "condition", "observation", "medication_request", "procedure", "immunization");
        Variable code = warehouse.tables().get(3).columns().stream().filter(c -> c.name().equals("code"))
                .findFirst().orElseThrow();
        assertThat(code.propertyUrl()).isEqualTo(URI.create("http://loinc.org"));
        assertThat(code.description().fr()).contains("4548-4");
        assertThat(warehouse.description().en()).contains("LOINC 4548-4");
        assertThat(warehouse.codeValues()).contains("4548-4");
        assertThat(warehouse.trustedHolder()).isTrue();
    }

    @Test
    void each_holder_key_names_its_own_custodian_when_the_demo_has_several_holders() {
        Map<String, Agent> holders = new java.util.HashMap<>();
        DemoAgents.HOLDER_KEYS.forEach(key -> holders.put(key, DemoAgents.organisation("Holder " + key,
                key + "@demo.invalid")));
        List<DemoDataset> withSeveral = catalogue.datasets(new DemoAgents(HDAB, holders));

        assertThat(withSeveral).allSatisfy(d -> assertThat(d.description().custodian().name())
                .isEqualTo("Holder " + d.holderKey()));
        assertThat(withSeveral).extracting(DemoDataset::holderKey).contains(DemoAgents.CLAIMS,
                DemoAgents.HOSPITAL_STAYS, DemoAgents.DEATHS, DemoAgents.CANCER_REGISTRY, DemoAgents.HOSPITAL,
                DemoAgents.COHORT);
    }
}
