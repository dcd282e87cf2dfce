package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link FieldCheck}'s fast paths give exactly what the general code gives: {@code LocalDate.parse} for ISO dates, the
 * number pattern and {@code Double.valueOf} for numbers, {@code BigDecimal} comparisons for numeric bounds.
 */
@Tag("unit")
class FieldCheckFastPathTest {

    private static final String CHARS = "0123456789-+.eE NaINF12";

    @Test
    void iso_dates_parse_as_local_date_parse_does() {
        FieldCheck check = new FieldCheck(Field.of("D", FieldType.DATE), List.of(""), false);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            String text = switch (i % 4) {
                case 0 -> String.format("%04d-%02d-%02d", random.nextInt(0, 10000), random.nextInt(0, 14),
                        random.nextInt(0, 33));
                case 1 -> random.nextInt(1900, 2100) + "-0" + random.nextInt(10) + "-" + random.nextInt(40);
                case 2 -> "20" + random.nextInt(10) + random.nextInt(10) + (char) random.nextInt(40, 60) + "01-0"
                        + random.nextInt(10);
                default -> randomText(random, "0123456789-+ ", 12);
            };
            assertThat(check.parse(text)).as(text).isEqualTo(isoReference(text));
        }
    }

    @Test
    void numbers_parse_as_the_pattern_and_double_value_of_do() {
        FieldCheck check = new FieldCheck(Field.of("N", FieldType.NUMBER), List.of(""), false);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 300_000; i++) {
            String text = switch (i % 3) {
                case 0 -> randomText(random, CHARS, 8);
                case 1 -> (random.nextBoolean() ? "-" : "") + random.nextLong(0, 1L << 62) / (long) Math.pow(10,
                        random.nextInt(0, 18)) + "." + random.nextLong(0, 1_000_000_000_000L);
                default -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(-10, 25)));
            };
            assertThat(FieldCheck.isNumber(text)).as(text).isEqualTo(FieldCheck.NUMBER.matcher(text).matches());
            Object expected = FieldCheck.NUMBER.matcher(text).matches()
                    ? text.equals("INF") ? Double.POSITIVE_INFINITY : text.equals("-INF") ? Double.NEGATIVE_INFINITY
                    : Double.valueOf(text) : null;
            assertThat(check.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void numeric_bounds_compare_as_big_decimals_do() {
        SplittableRandom random = new SplittableRandom(9);
        String[] bounds = {"0", "1000", "-5.5", "0.1", "1e3", "99999999999999999999", "1000.00000000000001",
            "-0", "123456789.123456789"};
        for (String min : bounds) {
            for (String max : bounds) {
                FieldCheck number = new FieldCheck(Field.of("N", FieldType.NUMBER)
                        .withConstraints(new FieldConstraints(false, false, null, null, null, null, min, max)),
                        List.of(""), false);
                FieldCheck integer = new FieldCheck(Field.of("I", FieldType.INTEGER)
                        .withConstraints(new FieldConstraints(false, false, null, null, null, null, min, max)),
                        List.of(""), false);
                for (int i = 0; i < 3_000; i++) {
                    double d = switch (i % 4) {
                        case 0 -> new BigDecimal(bounds[random.nextInt(bounds.length)]).doubleValue();
                        case 1 -> Math.nextUp(new BigDecimal(bounds[random.nextInt(bounds.length)]).doubleValue());
                        case 2 -> Math.nextDown(new BigDecimal(bounds[random.nextInt(bounds.length)]).doubleValue());
                        default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(0, 22));
                    };
                    String text = BigDecimal.valueOf(d).toPlainString();
                    assertThat(number.check(text).reason()).as("%s in [%s, %s]", text, min, max)
                            .isEqualTo(boundReference(BigDecimal.valueOf(d), min, max));
                    long l = (long) d + random.nextInt(-1, 2);
                    assertThat(integer.check(Long.toString(l)).reason()).as("%d in [%s, %s]", l, min, max)
                            .isEqualTo(boundReference(BigDecimal.valueOf(l), min, max));
                }
            }
        }
    }

    private static ReasonCode boundReference(BigDecimal value, String min, String max) {
        if (new BigDecimal(min).compareTo(value) > 0) {
            return ReasonCode.MINIMUM;
        }
        if (new BigDecimal(max).compareTo(value) < 0) {
            return ReasonCode.MAXIMUM;
        }
        return null;
    }

    private static Object isoReference(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String randomText(SplittableRandom random, String alphabet, int maxLength) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(0, maxLength + 1);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
