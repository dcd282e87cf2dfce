package eu.guichet.catalogue.internal.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.guichet.catalogue.LocalizedText;
import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.VariableTable;

@Tag("unit")
class CsvwImportTest {

    final CsvwImport csvw = new CsvwImport();

    List<VariableTable> example(String name) {
        try (InputStream in = getClass().getResourceAsStream("/catalogue/variables/" + name)) {
            assertThat(in).as(name).isNotNull();
            return csvw.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void reads_a_table_group_with_every_form_of_title_and_datatype() {
        List<VariableTable> tables = example("registre-cancers-csv-metadata.json");

        assertThat(tables).extracting(VariableTable::name).containsExactly("tumeur", "suivi");
        VariableTable tumours = tables.get(0);
        assertThat(tumours.title()).isEqualTo(LocalizedText.of("Tumeurs enregistrées", "Registered tumours"));
        assertThat(tumours.description()).as("untagged text in the document's language")
                .isEqualTo(LocalizedText.of("Une ligne par tumeur primitive enregistrée.", null));
        assertThat(tumours.columns()).as("the virtual column is not data").extracting(Variable::name)
                .containsExactly("id_patient", "date_diagnostic", "topographie", "age_diagnostic");

        assertThat(tumours.columns()).containsExactly(
                new Variable("id_patient", LocalizedText.of("Identifiant du patient", "Patient identifier"),
                        LocalizedText.of("Pseudonyme du patient dans le registre",
                                "Pseudonym of the patient in the registry"),
                        "string", null, List.of()),
                new Variable("date_diagnostic", LocalizedText.of("Date du diagnostic", "Date of diagnosis"),
                        LocalizedText.of("Date du diagnostic", "Date of diagnosis"), "date", null, List.of()),
                new Variable("topographie", LocalizedText.of("Topographie CIM-O-3", null),
                        LocalizedText.of(null, "Site of the tumour, ICD-O-3 topography code"), "string",
                        URI.create("http://id.who.int/icd/release/11/mms"), List.of()),
                new Variable("age_diagnostic", LocalizedText.of("Âge au diagnostic", "Age at diagnosis"),
                        LocalizedText.of("Âge en années révolues", null), "integer", null, List.of()));

        VariableTable followUp = tables.get(1);
        assertThat(followUp.description()).isEqualTo(LocalizedText.EMPTY);
        assertThat(followUp.columns()).extracting(Variable::name)
                .as("a column without name is named by its title").containsExactly("id_patient", "Statut vital",
                        "date_point");
        assertThat(followUp.columns()).extracting(Variable::datatype).containsExactly("string", "boolean", "date");
        assertThat(followUp.columns().get(1).propertyUrl()).as("URI templates are not concepts").isNull();
    }

    @Test
    void reads_a_single_table_document_in_english() {
        List<VariableTable> tables = example("single-table.csv-metadata.json");

        assertThat(tables).hasSize(1);
        VariableTable observations = tables.get(0);
        assertThat(observations.name()).isEqualTo("observation");
        assertThat(observations.title()).isEqualTo(LocalizedText.of(null, "Observations"));
        assertThat(observations.columns()).extracting(Variable::name).containsExactly("patient_id", "code", "value");
        assertThat(observations.columns().get(1).title()).isEqualTo(LocalizedText.of(null, "LOINC code"));
        assertThat(observations.columns().get(1).propertyUrl()).isEqualTo(URI.create("http://loinc.org"));
        assertThat(observations.columns().get(2).datatype()).isEqualTo("decimal");
    }

    @Test
    void the_example_round_trips_through_export_and_import() {
        List<VariableTable> tables = example("registre-cancers-csv-metadata.json");

        String exported = CsvwExport.write(tables);

        assertThat(csvw.read(exported.getBytes(StandardCharsets.UTF_8), "exported.json")).isEqualTo(tables);
    }

    @Test
    void snds_tables_round_trip_through_csvw_except_their_code_values() {
        VariableTable stays = TableSchemaImportTest.snds(
                new TableSchemaImport(URI.create("https://guichet.example.fr/nomenclatures/snds/")),
                "PMSI/PMSI_MCO/T_MCOaaB.json");
        VariableTable withoutCodes = new VariableTable(stays.name(), stays.title(), stays.description(),
                stays.columns().stream().map(c -> new Variable(c.name(), c.title(), c.description(), c.datatype(),
                        c.propertyUrl(), List.of())).toList());

        List<VariableTable> back = csvw.read(CsvwExport.write(List.of(stays)).getBytes(StandardCharsets.UTF_8),
                "T_MCOaaB-csv-metadata.json");

        assertThat(back).containsExactly(withoutCodes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"url": "a.csv"}                                                                              | m.json: has neither tables nor tableSchema
            {"tables": []}                                                                                | m.json: tables is not a non-empty array
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x"}]}}, 3]}                | m.json: tables[1] is not an object
            {"tables": [{"tableSchema": {"columns": [{"name": "x"}]}}]}                                   | m.json: tables[0] has no url
            {"tables": [{"url": "a.csv"}]}                                                                | m.json: tables[0] has no tableSchema
            {"tables": [{"url": "a.csv", "tableSchema": "a-schema.json"}]}                                | m.json: tables[0].tableSchema refers to another file; include the table schema in this file
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": []}}]}                                | m.json: tables[0].tableSchema has no columns
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x"}, {"datatype": "string"}]}}]} | m.json: tables[0].tableSchema.columns[1] has neither name nor titles
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x", "datatype": "text"}]}}]} | m.json: tables[0].tableSchema.columns[0].datatype is not a CSVW built-in datatype: text
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x", "datatype": 4}]}}]}     | m.json: tables[0].tableSchema.columns[0].datatype is neither a datatype name nor an object with base
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x", "propertyUrl": "loinc"}]}}]} | m.json: tables[0].tableSchema.columns[0].propertyUrl is not an absolute IRI
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x"}, {"name": "y"}, {"name": "x"}]}}]} | m.json: tables[0].tableSchema.columns has duplicate column names: x
            {"tables": [{"url": "a.csv", "tableSchema": {"columns": [{"name": "x"}]}}, {"url": "b/a.csv", "tableSchema": {"columns": [{"name": "x"}]}}]} | m.json: tables has duplicate table names: a
            {"url": "a.csv", "tableSchema": {"columns": [{"name": "x", "virtual": true}]}}                | m.json: tableSchema has only virtual columns
            """)
    void malformed_metadata_is_refused_with_the_place_of_the_problem(String json, String message) {
        assertThatThrownBy(() -> csvw.read(json.getBytes(StandardCharsets.UTF_8), "m.json"))
                .isInstanceOf(VariableImportException.class).hasMessage(message).hasNoCause();
    }

    @Test
    void the_exception_separates_file_location_and_problem() {
        var e = (VariableImportException) org.assertj.core.api.Assertions.catchThrowable(() -> csvw.read(
                "{\"tables\": [{\"tableSchema\": {\"columns\": [{\"name\": \"x\"}]}}]}"
                        .getBytes(StandardCharsets.UTF_8), "m.json"));

        assertThat(e.source()).isEqualTo("m.json");
        assertThat(e.location()).isEqualTo("tables[0]");
        assertThat(e.problem()).isEqualTo("has no url");
    }
}
