package eu.guichet.optout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import eu.guichet.optout.BulkImportReport.Reason;

/** The shape and control key of national identifiers, as a table (all synthetic: born abroad in country 999, or in a Corsican commune 999 that does not exist). */
@Tag("unit")
class NirTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "OK", textBlock = """
            285079999900163        | OK
            2 85 07 99 999 001 63  | OK
            2.85.07.99.999.001-63  | OK
            285079999900164        | CONTROL_KEY
            185122A99942388        | OK
            185122B99942318        | OK
            185122a99942388        | OK
            185122A99942389        | CONTROL_KEY
            28507999990016         | MALFORMED
            2850799999001633       | MALFORMED
            28507999990016X        | MALFORMED
            185122C99942388        | MALFORMED
            national_id            | MALFORMED
            ''                     | MALFORMED
            """)
    void checks_shape_then_control_key(String value, Reason expected) {
        assertThat(Nir.problem(value)).isEqualTo(Optional.ofNullable(expected));
    }
}
