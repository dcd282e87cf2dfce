package eu.guichet.catalogue.internal.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import eu.guichet.catalogue.AccessRights;
import eu.guichet.catalogue.DataTheme;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.HealthCategory;

@Tag("unit")
class OfficialExampleTest {

    private final HealthDcatReader reader = new HealthDcatReader();
    private final ShaclValidator validator = new ShaclValidator();

    @Test
    void the_official_example_imports_as_one_dataset_with_its_fields() {
        List<ImportedDataset> imported = reader.read(Examples.bytes(Examples.DATASET), RdfFormat.TURTLE);

        assertThat(imported).hasSize(1);
        ImportedDataset dataset = imported.get(0);
        assertThat(dataset.iri()).isEqualTo(
                URI.create("https://healthdcat-ap.example.org/release-7/example/dataset-oncology-ehrs-2024"));
        DatasetDescription d = dataset.description();
        assertThat(d.identifier()).isEqualTo("EU-HDCA-R7-ONCOLOGY-EHRS-2024");
        assertThat(d.title().en()).isEqualTo("Cross-border oncology EHR cohort 2024");
        assertThat(d.title().fr()).isNull();
        assertThat(d.accessRights()).isEqualTo(AccessRights.NON_PUBLIC);
        assertThat(d.themes()).containsExactly(DataTheme.HEAL);
        assertThat(d.healthCategories()).containsExactly(HealthCategory.EHRS);
        assertThat(d.keywords().en()).containsExactly("electronic health records", "hospital registry",
                "oncology", "secondary use");
        assertThat(d.applicableLegislation()).containsExactly(URI.create("http://data.europa.eu/eli/reg/2022/868/oj"));
        assertThat(d.provenance().en()).startsWith("The dataset is derived from linked hospital EHR systems");
        assertThat(d.temporalCoverage().start()).hasToString("2020-01-01");
        assertThat(d.retentionPeriod().end()).hasToString("2035-12-31");
        assertThat(d.numberOfRecords()).isEqualTo(1_850_000L);
        assertThat(d.numberOfUniqueIndividuals()).isEqualTo(412_000L);
        assertThat(d.minTypicalAge()).isEqualTo(18);
        assertThat(d.maxTypicalAge()).isEqualTo(99);
        assertThat(d.contactPoint().email()).isEqualTo("oncology-dataset-support@example.org");
        assertThat(d.hdab().name()).isEqualTo("Belgian Health Data Access Body");
        assertThat(d.hdab().contactPoint().telephone()).isEqualTo("+32 2 555 0102");
        assertThat(d.custodian().contactPoint().email()).isEqualTo("custodian-contact@example.org");
        assertThat(d.publisher().type()).hasToString(
                "https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/public-health-registry");
        assertThat(d.legalBasis().en()).startsWith("Processing is performed under the European Health Data Space");
        assertThat(d.purpose().en()).startsWith("Secondary-use analysis");
        assertThat(d.codeValues()).containsExactly("U07.1");
        assertThat(d.personalData()).hasSize(2);
        assertThat(d.distributions()).hasSize(2);
        assertThat(d.distributions().get(0).byteSize()).isEqualTo(92_000_000L); // fhir-package sorts first
        assertThat(d.hasStructuredData()).isTrue();
        assertThat(d.tables()).hasSize(1);
        assertThat(d.tables().get(0).columns()).extracting(c -> c.name())
                .containsExactly("encounterDate", "patientId", "primaryDiagnosisCode", "tumourStage",
                        "vitalStatus");
    }

    @Test
    void the_official_example_conforms_to_the_non_public_shapes() {
        ImportedDataset dataset = reader.read(Examples.bytes(Examples.DATASET), RdfFormat.TURTLE).get(0);

        assertThat(validator.validate(dataset.sourceGraph(), AccessRights.NON_PUBLIC)).isEmpty();
    }

    @Test
    void the_official_example_conforms_when_validated_whole() {
        var model = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        org.apache.jena.riot.RDFParser.fromString(new String(Examples.bytes(Examples.DATASET),
                java.nio.charset.StandardCharsets.UTF_8), org.apache.jena.riot.Lang.TURTLE).parse(model);

        assertThat(validator.validate(model, AccessRights.NON_PUBLIC)).isEmpty();
    }

    @Test
    void the_variables_example_reads_its_table() {
        ImportedDataset dataset = reader.read(Examples.bytes(Examples.VARIABLES), RdfFormat.TURTLE).get(0);

        assertThat(dataset.description().tables()).singleElement()
                .satisfies(t -> assertThat(t.columns()).hasSize(8));
    }
}
