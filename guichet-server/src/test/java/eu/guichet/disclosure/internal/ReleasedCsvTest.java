package eu.guichet.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A released table opened in a spreadsheet runs no formula, and its numbers stay numbers. */
@Tag("unit")
class ReleasedCsvTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Paris          | Paris",
            "-12            | -12",
            "+3.5           | +3.5",
            "=HYPERLINK(1)  | '=HYPERLINK(1)",
            "@SUM(A1)       | '@SUM(A1)",
            "-cmd           | '-cmd",
            "~a,b~          | ~\"a,b\"~",
            "~=1,2~         | ~\"'=1,2\"~",
            "~say \"hi\"~   | ~\"say \"\"hi\"\"\"~"
    })
    void a_cell_is_quoted_and_defused_as_needed(String value, String written) {
        assertThat(OutputChecks.cell(value)).isEqualTo(written);
    }
}
