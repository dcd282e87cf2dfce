package eu.guichet.catalogue.internal.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.guichet.catalogue.Variable;
import eu.guichet.catalogue.Variable.CodeValue;
import eu.guichet.catalogue.VariableTable;

@Tag("unit")
class TableSchemaImportTest {

    static final String SCHEMAS = "/demo/snds-schema/schemas/";

    final TableSchemaImport tableSchemas = new TableSchemaImport();

    static VariableTable snds(TableSchemaImport importer, String path) {
        try (InputStream in = TableSchemaImportTest.class.getResourceAsStream(SCHEMAS + path)) {
            assertThat(in).as(path).isNotNull();
            return importer.read(in, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Variable column(VariableTable table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void reads_the_snds_beneficiary_table() {
        VariableTable table = snds(tableSchemas, "BENEFICIAIRE/IR_BEN_R.json");

        assertThat(table.name()).isEqualTo("IR_BEN_R");
        assertThat(table.title().fr()).isEqualTo("Référentiel des bénéficiaires du SNIIRAM-SNDS");
        assertThat(table.description().fr()).contains("Clé primaire : BEN_NIR_PSA, BEN_RNG_GEM");
        assertThat(table.columns()).hasSize(21);
        assertThat(table.columns().subList(0, 3)).extracting(Variable::name)
                .containsExactly("BEN_NIR_PSA", "BEN_RNG_GEM", "BEN_NIR_ANO");
        assertThat(table.columns()).extracting(Variable::name).contains("BEN_NAI_ANN", "BEN_SEX_COD");

        Variable birthYear = column(table, "BEN_NAI_ANN");
        assertThat(birthYear.title().fr()).isEqualTo("Année de naissance du bénéficiaire");
        assertThat(birthYear.title().en()).isNull();
        assertThat(birthYear.description().fr()).isEqualTo("Année de naissance du bénéficiaire");
        assertThat(birthYear.datatype()).isEqualTo("gYear");
        assertThat(birthYear.propertyUrl()).isNull();

        assertThat(column(table, "BEN_RNG_GEM").description().fr())
                .startsWith("rang de naissance du bénéficiaire\n\nRègle de gestion : La règle de calcul")
                .endsWith("Nomenclature : IR_BER_V:BEN_RNG_GEM");
    }

    @ParameterizedTest
    @CsvSource({
            "BENEFICIAIRE/IR_BEN_R.json, IR_BEN_R, 21", "BENEFICIAIRE/IR_IBA_R.json, IR_IBA_R, 17",
            "DCIR/ER_PRS_F.json, ER_PRS_F, 123", "DCIR/ER_PHA_F.json, ER_PHA_F, 23",
            "DCIR/ER_BIO_F.json, ER_BIO_F, 14", "DCIR/ER_ETE_F.json, ER_ETE_F, 24",
            "Causes_de_deces/KI_CCI_R.json, KI_CCI_R, 49", "Causes_de_deces/KI_ECD_R.json, KI_ECD_R, 12",
            "PMSI/PMSI_MCO/T_MCOaaA.json, T_MCOaaA, 15", "PMSI/PMSI_MCO/T_MCOaaB.json, T_MCOaaB, 94",
            "PMSI/PMSI_MCO/T_MCOaaC.json, T_MCOaaC, 40", "PMSI/PMSI_MCO/T_MCOaaD.json, T_MCOaaD, 5" })
    void every_field_of_every_snds_schema_becomes_a_described_column(String path, String name, int fields) {
        VariableTable table = snds(tableSchemas, path);

        assertThat(table.name()).isEqualTo(name);
        assertThat(table.title().fr()).isNotBlank();
        assertThat(table.columns()).hasSize(fields);
        assertThat(table.columns()).allSatisfy(c -> {
            assertThat(c.title().fr()).isNotBlank();
            assertThat(c.description().fr()).isNotBlank();
            assertThat(c.datatype()).isIn("string", "integer", "decimal", "boolean", "date", "dateTime", "gYear",
                    "gYearMonth", "time");
        });
    }

    @Test
    void maps_table_schema_types_to_csvw_datatypes_in_the_real_schemas() {
        VariableTable claims = snds(tableSchemas, "DCIR/ER_PRS_F.json");
        VariableTable stays = snds(tableSchemas, "PMSI/PMSI_MCO/T_MCOaaC.json");
        VariableTable beneficiaries = snds(tableSchemas, "BENEFICIAIRE/IR_BEN_R.json");

        assertThat(column(claims, "PRS_PAI_MNT").datatype()).as("number").isEqualTo("decimal");
        assertThat(column(claims, "EXE_SOI_AMD").datatype()).as("yearmonth").isEqualTo("gYearMonth");
        assertThat(column(stays, "EXE_SOI_DTD").datatype()).as("datetime").isEqualTo("dateTime");
        assertThat(column(beneficiaries, "BEN_RNG_GEM").datatype()).as("integer").isEqualTo("integer");
        assertThat(column(beneficiaries, "BEN_TOP_CNS").datatype()).as("boolean").isEqualTo("boolean");
        assertThat(column(beneficiaries, "BEN_DCD_DTE").datatype()).as("date").isEqualTo("date");
        assertThat(column(beneficiaries, "BEN_NIR_PSA").datatype()).as("string").isEqualTo("string");
    }

    @ParameterizedTest
    @CsvSource({ "string, string", "integer, integer", "number, decimal", "boolean, boolean", "date, date",
            "datetime, dateTime", "year, gYear", "yearmonth, gYearMonth", "time, time", "duration, string",
            "geopoint, string", "any, string", "object, string" })
    void csvw_datatype_of_each_table_schema_type(String type, String datatype) {
        assertThat(TableSchemaImport.csvwDatatype(type)).isEqualTo(datatype);
    }

    @Test
    void enum_constraints_become_code_values_without_blank_codes() {
        VariableTable stays = snds(tableSchemas, "PMSI/PMSI_MCO/T_MCOaaB.json");

        assertThat(column(stays, "COD_SEX").codeValues()).extracting(CodeValue::code)
                .containsExactly("1", "2", "7", "8", "9");
        assertThat(column(stays, "SEJ_COD_CONF").codeValues()).extracting(CodeValue::code).containsExactly("1", "2");
        assertThat(column(stays, "NBR_SEA").codeValues()).isEmpty();
    }

    @Test
    void a_nomenclature_becomes_the_property_url_under_the_given_base() {
        var withBase = new TableSchemaImport(URI.create("https://guichet.example.fr/nomenclatures/snds/"));
        VariableTable table = snds(withBase, "BENEFICIAIRE/IR_BEN_R.json");

        assertThat(column(table, "BEN_SEX_COD").propertyUrl())
                .isEqualTo(URI.create("https://guichet.example.fr/nomenclatures/snds/IR_SEX_V"));
        assertThat(column(table, "BEN_SEX_COD").description().fr()).contains("Nomenclature : IR_SEX_V:SEX_COD");
        assertThat(column(table, "BEN_NIR_PSA").propertyUrl()).as("nomenclature '-'").isNull();
        assertThat(column(snds(tableSchemas, "BENEFICIAIRE/IR_BEN_R.json"), "BEN_SEX_COD").propertyUrl())
                .as("no base, no IRI").isNull();
    }

    @Test
    void takes_the_table_name_from_the_file_name_when_the_schema_has_none() {
        VariableTable table = read("""
                {"fields": [{"name": "A", "type": "integer", "title": "Un titre", "description": "Une description"}]}
                """, "uploads/MY_TABLE.json");

        assertThat(table.name()).isEqualTo("MY_TABLE");
        assertThat(table.columns().get(0).title().fr()).isEqualTo("Un titre");
        assertThat(table.columns().get(0).description().fr()).isEqualTo("Une description");
    }

    @Test
    void a_field_without_description_nor_title_is_described_by_its_name_and_typed_string() {
        Variable only = read("""
                {"name": "T", "fields": [{"name": "X"}]}""", "t.json").columns().get(0);

        assertThat(only.title().fr()).isEqualTo("X");
        assertThat(only.description().fr()).isEqualTo("X");
        assertThat(only.datatype()).isEqualTo("string");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"name": "T", "fields": [{"name": "A"}, {"name": "B"}, {"name": "C"}, {"type": "string"}]} | t.json: fields[3] has no name
            {"name": "T", "fields": [{"name": "A"}, {"name": " "}]}                                  | t.json: fields[1] has no name
            {"name": "T", "fields": [{"name": "A"}, "B"]}                                            | t.json: fields[1] is not an object
            {"name": "T"}                                                                             | t.json: has no fields array
            {"name": "T", "fields": {"name": "A"}}                                                    | t.json: has no fields array
            {"name": "T", "fields": []}                                                               | t.json: fields is empty: a table needs at least one field
            {"name": "T", "fields": [{"name": "A"}, {"name": "B"}, {"name": "A"}, {"name": "B"}]}    | t.json: fields has duplicate column names: A, B
            {"name": "T", "fields": [{"name": "A", "type": 3}]}                                       | t.json: fields[0].type is not a string
            {"name": "T", "fields": [{"name": "A", "constraints": {"enum": "1"}}]}                   | t.json: fields[0].constraints.enum is not an array
            [{"name": "T"}]                                                                           | t.json: is not a JSON object
            """)
    void malformed_schemas_are_refused_with_the_place_of_the_problem(String json, String message) {
        assertThatThrownBy(() -> read(json, "t.json")).isInstanceOf(VariableImportException.class)
                .hasMessage(message).hasNoCause();
    }

    @Test
    void text_that_is_not_json_is_refused_with_its_line_and_column() {
        assertThatThrownBy(() -> read("{\"name\": \"T\",\n  \"fields\": [}", "t.json"))
                .isInstanceOf(VariableImportException.class)
                .hasMessageStartingWith("t.json: is not valid JSON at line 2, column ");
        assertThatThrownBy(() -> read("", "t.json")).hasMessage("t.json: is empty");
    }

    @Test
    void files_over_five_megabytes_are_refused_before_parsing() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');

        assertThatThrownBy(() -> tableSchemas.read(new java.io.ByteArrayInputStream(big), "big.json"))
                .isInstanceOf(VariableImportException.class).hasMessage("big.json: is larger than 5 MB");
    }

    private VariableTable read(String json, String fileName) {
        return tableSchemas.read(json.getBytes(StandardCharsets.UTF_8), fileName);
    }
}
