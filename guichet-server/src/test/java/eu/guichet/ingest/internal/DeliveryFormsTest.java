package eu.guichet.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.guichet.dataplane.tabular.ColumnTreatment;
import eu.guichet.problem.ValidationException;

/** What holders type into the delivery form and the API's fields, as tables: accepted, or refused with which code. */
@Tag("unit")
class DeliveryFormsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ER_PRS_F.csv          | ER_PRS_F.csv
            Patient.ndjson        | Patient.ndjson
            C:\\\\exports\\\\a.csv | a.csv
            /tmp/x/IR_BEN_R.json  | IR_BEN_R.json
            """)
    void plain_file_names_are_kept_and_paths_are_cut_to_the_name(String sent, String kept) {
        assertThat(DeliveryFiles.checkName(sent)).isEqualTo(kept);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ..
            .hidden
            a b.csv
            ../../etc/passwd/..
            résumé.csv
            NULL
            """)
    void other_file_names_are_refused(String sent) {
        assertThatThrownBy(() -> DeliveryFiles.checkName(sent)).isInstanceOf(ValidationException.class)
                .extracting("code").isEqualTo("ingest.file_name_invalid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BEN_NIR_PSA=NATIONAL_ID                                 | BEN_NIR_PSA      | NATIONAL_ID
            ' BEN_NIR_PSA = NATIONAL_ID ,NOM=REMOVE'                | NOM              | REMOVE
            'IPP=HOLDER_PATIENT_ID;DATE_NAISSANCE=BIRTH_DATE_TO_YEAR' | DATE_NAISSANCE | BIRTH_DATE_TO_YEAR
            """)
    void identifier_columns_are_column_equals_treatment(String typed, String column, ColumnTreatment treatment) {
        Map<String, ColumnTreatment> read = DeliveryForms.identifiers(typed.replace(";", "\n"));
        assertThat(read).containsEntry(column, treatment);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BEN_NIR_PSA              | ingest.identifiers_invalid
            =NATIONAL_ID             | ingest.identifiers_invalid
            BEN_NIR_PSA=PSEUDONYMISE | ingest.treatment_invalid
            """)
    void malformed_identifier_columns_are_refused(String typed, String code) {
        assertThatThrownBy(() -> DeliveryForms.identifiers(typed)).isInstanceOf(ValidationException.class)
                .extracting("code").isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ','  | ','
            ';'  | ';'
            \\t  | '\t'
            tab  | '\t'
            """)
    void delimiters_are_one_character(String typed, char expected) {
        assertThat(DeliveryForms.delimiter(typed)).isEqualTo(expected);
    }
}
