package eu.guichet.dataplane.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonFactory;

/** The flattener's rules as tables of input → expected output. */
@Tag("unit")
class ResourceFlattenerTest {

    @ParameterizedTest
    @CsvSource({
        "2019, true", "2019-04, true", "2019-04-30, true", "2017-03-20T09:31:55+00:00, true",
        "2017-03-20T09:31:55.558Z, true", "2020-02-29, true",
        "2020-02-30, false", "2019-13, false", "19-04-30, false", "2019-04-30T25:00, false", "yesterday, false",
        "2019-04-30 10:00:00, false"})
    void fhir_dates(String value, boolean valid) {
        assertThat(ResourceFlattener.validDate(value)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "Patient/abc-1, abc-1", "urn:uuid:1e621f4c-db30-c273-49e9-2dcad508a9cb, 1e621f4c-db30-c273-49e9-2dcad508a9cb",
        "Group/abc, ", "Patient/, ", "http://example.org/Patient/abc, ", "Patient/a b, "})
    void patient_references(String reference, String id) {
        assertThat(ResourceFlattener.referencedId(reference, "Patient/")).isEqualTo(id);
    }

    @Test
    void reads_the_array_element_a_column_names_and_skips_the_others() {
        FhirView carePlan = FhirViews.forResource("CarePlan").orElseThrow();
        ResourceFlattener flattener = new ResourceFlattener(carePlan, new JsonFactory());
        ResourceFlattener.Row row = flattener.flatten("""
                {"resourceType":"CarePlan","id":"c1","status":"active","intent":"order",
                 "text":{"div":"<div>Jane Doe, 1 Main Street</div>"},
                 "category":[{"coding":[{"system":"http://example.org/a","code":"assess-plan"}]},
                             {"coding":[{"system":"http://snomed.info/sct","code":"443402002"}],"text":"free"},
                             {"coding":[{"system":"http://example.org/c","code":"third"}]}],
                 "subject":{"reference":"Patient/p1"},"period":{"start":"1970-01-06T16:40:18+00:00"}}
                """.replace("\n", ""));
        assertThat(row.reasons()).isEmpty();
        assertThat(Arrays.asList(row.values())).containsExactly("c1", "p1", null, "active", "order",
                "http://snomed.info/sct", "443402002", "1970-01-06", null);
    }

    @Test
    void an_object_where_a_primitive_is_expected_is_a_type_error() {
        ResourceFlattener flattener = new ResourceFlattener(FhirViews.forResource("Observation").orElseThrow(),
                new JsonFactory());
        ResourceFlattener.Row row = flattener.flatten("{\"resourceType\":\"Observation\",\"id\":\"o1\","
                + "\"status\":{\"x\":1},\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"1\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p\"},\"valueQuantity\":{\"value\":\"12\"}}");
        assertThat(row.reasons()).containsExactly("type:status", "type:valueQuantity.value");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "185057512345673, 185057512345673",
        "1 85 05 75 123 456 73, 185057512345673",
        "185057512345674, null",
        "1850575123456, null",
        "18505 2A 123456 60, 185052A12345660",
        "347ceebf-0248-5a56-14f3-e1e8e8ffb73c, null",
        "999-39-7452, null" })
    void a_national_identifier_is_a_nir_with_its_key_or_nothing(String value, String expected) {
        assertThat(ResourceFlattener.nir(value)).isEqualTo(expected);
    }
}
