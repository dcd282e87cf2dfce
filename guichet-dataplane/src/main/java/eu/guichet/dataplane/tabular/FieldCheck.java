package eu.guichet.dataplane.tabular;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and checks the text of one field against its type, format and constraints. The parsed value is the one
 * staged: {@link Long} (integer), {@link Double} (number), {@link Boolean}, {@link LocalDate}, {@link LocalDateTime},
 * {@link LocalTime}, {@link Integer} (year), or the text (string, partial dates, {@code yearmonth} as YYYY-MM).
 *
 * <p>Not thread-safe (it reuses its pattern matcher): each thread that checks values has its own instances
 * ({@link #copy()}). The common shapes (ISO dates, plain decimals, numeric bounds) take fast paths that give exactly the
 * result of the general ones.
 */
final class FieldCheck {

    private static final List<String> DEFAULT_TRUE = List.of("true", "True", "TRUE", "1");
    private static final List<String> DEFAULT_FALSE = List.of("false", "False", "FALSE", "0");
    /** The numbers Table Schema allows; {@link #isNumber} decides the same without a regular expression (tests). */
    static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|NaN|INF|-INF");
    private static final Pattern YEARMONTH = Pattern.compile("(\\d{4})-?(\\d{2})");

    /** Outcome of a check: the parsed value, or the reason it was refused. */
    record Outcome(Object value, ReasonCode reason) {
        static final Outcome MISSING = new Outcome(null, null);

        boolean ok() {
            return reason == null;
        }
    }

    private final Field field;
    private final List<String> missingValueList;
    private final Set<String> missingValues;
    /** The only missing value when there is one (the usual case: the empty string), else null. */
    private final String onlyMissingValue;
    private final boolean required;
    private final DateTimeFormatter formatter;
    /** The format spells a whole date (or date and time); otherwise values are checked and kept as text. */
    private final boolean complete;
    private final Pattern pattern;
    private final Matcher matcher;
    private final Set<Object> enumValues;
    private final Comparable<Object> minimum;
    private final Comparable<Object> maximum;
    private final List<String> trueValues;
    private final List<String> falseValues;

    FieldCheck(Field field, List<String> missingValues, boolean required) {
        this.field = field;
        this.missingValueList = List.copyOf(missingValues);
        this.missingValues = new HashSet<>(missingValues);
        this.onlyMissingValue = this.missingValues.size() == 1 ? this.missingValues.iterator().next() : null;
        this.required = required || field.constraints().required();
        this.trueValues = field.trueValues() == null ? DEFAULT_TRUE : field.trueValues();
        this.falseValues = field.falseValues() == null ? DEFAULT_FALSE : field.falseValues();
        String format = field.format();
        boolean custom = format.contains("%");
        this.formatter = custom ? StrftimeFormats.toFormatter(format) : null;
        this.complete = !custom || StrftimeFormats.isComplete(format, field.type());
        FieldConstraints c = field.constraints();
        this.pattern = c.pattern() == null ? null : Pattern.compile(c.pattern());
        this.matcher = pattern == null ? null : pattern.matcher("");
        this.enumValues = c.enumValues() == null ? null : parseAll(c.enumValues());
        this.minimum = bound(c.minimum(), "minimum");
        this.maximum = bound(c.maximum(), "maximum");
    }

    Field field() {
        return field;
    }

    /** The same check, for another thread. {@code required} already holds the field's own constraint. */
    FieldCheck copy() {
        return new FieldCheck(field, missingValueList, required);
    }

    /** The DuckDB column type of the staged value. */
    String sqlType() {
        return switch (field.type()) {
            case INTEGER -> "BIGINT";
            case NUMBER -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> complete ? "DATE" : "VARCHAR";
            case DATETIME -> complete ? "TIMESTAMP" : "VARCHAR";
            case TIME -> "TIME";
            case YEAR -> "INTEGER";
            case STRING, YEARMONTH, ANY -> "VARCHAR";
        };
    }

    private Set<Object> parseAll(List<String> values) {
        Set<Object> out = new HashSet<>();
        for (String v : values) {
            Object parsed = parse(v);
            if (parsed == null) {
                throw new TableSchemaException("An enum value of field " + field.name() + " does not fit its type");
            }
            out.add(parsed);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> bound(String text, String name) {
        if (text == null) {
            return null;
        }
        if (field.type() == FieldType.INTEGER || field.type() == FieldType.NUMBER) {
            BigDecimal value = new BigDecimal(text);
            return numericBound(value);
        }
        Object parsed = parse(text);
        if (!(parsed instanceof Comparable<?>)) {
            throw new TableSchemaException("The " + name + " of field " + field.name() + " does not fit its type");
        }
        return (Comparable<Object>) parsed;
    }

    /**
     * A numeric bound compared as {@code bound.compareTo(BigDecimal.valueOf(value))}, the reference. Fast paths: a bound
     * that is a whole {@code long} compares with a {@code Long} directly; a finite {@code Double} that differs from the
     * double nearest the bound compares as doubles (rounding is monotonic, and {@code BigDecimal.valueOf(d)} is a
     * decimal that rounds to {@code d}, so its order against the bound is the doubles' order). Equal doubles, NaN and
     * infinities take the reference path (which refuses NaN and infinities as before).
     */
    private static Comparable<Object> numericBound(BigDecimal bound) {
        double nearest = bound.doubleValue();
        Long whole = wholeLong(bound);
        return o -> {
            if (o instanceof Long l) {
                return whole != null ? Long.compare(whole, l) : bound.compareTo(BigDecimal.valueOf(l));
            }
            double d = (Double) o;
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                if (d > nearest) {
                    return -1;
                }
                if (d < nearest) {
                    return 1;
                }
            }
            return bound.compareTo(BigDecimal.valueOf(d));
        };
    }

    private static Long wholeLong(BigDecimal value) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private boolean isMissing(String raw) {
        return onlyMissingValue != null ? onlyMissingValue.equals(raw) : missingValues.contains(raw);
    }

    /** Checks one cell's text ({@code null} when the column is absent from the file). */
    Outcome check(String raw) {
        if (raw == null || isMissing(raw)) {
            return required ? new Outcome(null, ReasonCode.REQUIRED) : Outcome.MISSING;
        }
        Object value = parse(raw);
        if (value == null) {
            return new Outcome(null, ReasonCode.TYPE);
        }
        FieldConstraints c = field.constraints();
        if (field.type() == FieldType.STRING || field.type() == FieldType.ANY) {
            int length = raw.codePointCount(0, raw.length());
            if (c.minLength() != null && length < c.minLength()) {
                return new Outcome(value, ReasonCode.MIN_LENGTH);
            }
            if (c.maxLength() != null && length > c.maxLength()) {
                return new Outcome(value, ReasonCode.MAX_LENGTH);
            }
            if (matcher != null && !matcher.reset(raw).matches()) {
                return new Outcome(value, ReasonCode.PATTERN);
            }
        }
        if (enumValues != null && !enumValues.contains(value)) {
            return new Outcome(value, ReasonCode.ENUM);
        }
        if (minimum != null && minimum.compareTo(value) > 0) {
            return new Outcome(value, ReasonCode.MINIMUM);
        }
        if (maximum != null && maximum.compareTo(value) < 0) {
            return new Outcome(value, ReasonCode.MAXIMUM);
        }
        return new Outcome(value, null);
    }

    /** The typed value of a text, or {@code null} when it does not fit the type and format. */
    Object parse(String raw) {
        try {
            return switch (field.type()) {
                case STRING, ANY -> raw;
                case INTEGER -> Long.parseLong(raw);
                case NUMBER -> isNumber(raw) ? parseNumber(raw) : null;
                case BOOLEAN -> trueValues.contains(raw) ? Boolean.TRUE
                        : falseValues.contains(raw) ? Boolean.FALSE : null;
                case DATE -> formatter == null ? isoDate(raw) : temporal(raw, true);
                case DATETIME -> formatter == null ? parseIsoDateTime(raw) : temporal(raw, false);
                case TIME -> formatter == null ? LocalTime.parse(raw) : LocalTime.from(formatter.parse(raw));
                case YEAR -> raw.length() == 4 ? Integer.valueOf(Integer.parseInt(raw)) : null;
                case YEARMONTH -> yearMonth(raw);
            };
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static Double parseNumber(String raw) {
        return switch (raw) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            default -> plainDecimal(raw);
        };
    }

    /** Exact powers of ten as doubles (10^22 is the largest one a double holds exactly). */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * {@code Double.valueOf(raw)} of a text {@link #isNumber} accepted. A plain decimal of at most 15 digits is m / 10^k
     * with m and 10^k exact doubles, so one IEEE division gives the correctly rounded value, as {@code Double.valueOf}
     * does; anything else goes to {@code Double.valueOf}.
     */
    private static Double plainDecimal(String raw) {
        int n = raw.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (raw.charAt(0) == '-' || raw.charAt(0) == '+')) {
            negative = raw.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 15) {
                    return Double.valueOf(raw);
                }
                mantissa = mantissa * 10 + (c - '0');
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.valueOf(raw); // exponent, NaN
            }
        }
        if (digits == 0) {
            return Double.valueOf(raw);
        }
        double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : (double) mantissa;
        return negative ? -value : value;
    }

    /**
     * Whether the text matches {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|NaN|INF|-INF} (the numbers Table
     * Schema allows), without a regular expression.
     */
    static boolean isNumber(String s) {
        if (s.equals("NaN") || s.equals("INF") || s.equals("-INF")) {
            return true;
        }
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int whole = 0;
        while (i < n && isAsciiDigit(s.charAt(i))) {
            i++;
            whole++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fraction = 0;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                fraction++;
            }
            if (whole == 0 && fraction == 0) {
                return false;
            }
        } else if (whole == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isAsciiDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * {@code LocalDate.parse(raw)} (ISO, strict): the shape YYYY-MM-DD in ASCII digits is read directly (an impossible
     * date throws {@code DateTimeException} as the parser does); any other text goes to the parser.
     */
    private static LocalDate isoDate(String raw) {
        if (raw.length() == 10 && raw.charAt(4) == '-' && raw.charAt(7) == '-') {
            int year = asciiDigits(raw, 0, 4);
            int month = asciiDigits(raw, 5, 7);
            int day = asciiDigits(raw, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(raw);
    }

    /** The value of ASCII digits {@code [from, to)}, or -1 when one is not a digit. */
    private static int asciiDigits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isAsciiDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static LocalDateTime parseIsoDateTime(String raw) {
        try {
            return LocalDateTime.parse(raw);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(raw).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
    }

    private Object temporal(String raw, boolean dateOnly) {
        TemporalAccessor parsed = formatter.parse(raw);
        if (!complete) {
            return raw; // checked against the format; a partial date is kept as written
        }
        LocalDate date = LocalDate.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                parsed.get(ChronoField.DAY_OF_MONTH));
        if (dateOnly) {
            return date;
        }
        LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        return LocalDateTime.of(date, time);
    }

    /**
     * Table Schema's yearmonth is YYYY-MM; the SNDS writes YYYYMM (e.g. {@code 202003}) under the default format, so
     * both are read, and stored as YYYY-MM.
     */
    private static String yearMonth(String raw) {
        var m = YEARMONTH.matcher(raw);
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12 ? m.group(1) + "-" + m.group(2) : null;
    }

    /** The year of a parsed date-like value (for {@link ColumnTreatment#BIRTH_DATE_TO_YEAR}), or null. */
    static Integer yearOf(Object value) {
        if (value instanceof LocalDate d) {
            return d.getYear();
        }
        if (value instanceof LocalDateTime dt) {
            return dt.getYear();
        }
        if (value instanceof Integer y) {
            return y;
        }
        if (value instanceof String s && YEARMONTH.matcher(s).matches()) {
            return Integer.valueOf(s.substring(0, 4));
        }
        return null;
    }

    static final class StrftimeFormats {
        private StrftimeFormats() {
        }

        static boolean isComplete(String format, FieldType type) {
            boolean date = format.contains("%Y") && (format.contains("%m") || format.contains("%b"))
                    && format.contains("%d");
            return type == FieldType.DATETIME ? date && format.contains("%H") : date;
        }

        /** A strftime pattern (%Y %y %m %b %d %H %M %S) as a strict, case-insensitive formatter. */
        static DateTimeFormatter toFormatter(String format) {
            DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive();
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c != '%' || i + 1 == format.length()) {
                    b.appendLiteral(c);
                    continue;
                }
                char d = format.charAt(++i);
                switch (d) {
                    case 'Y' -> b.appendValue(ChronoField.YEAR, 4);
                    case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 1950);
                    case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
                    case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, java.time.format.TextStyle.SHORT);
                    case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
                    case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
                    case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
                    case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
                    case '%' -> b.appendLiteral('%');
                    default -> throw new TableSchemaException("Unsupported date format directive %" + d);
                }
            }
            return b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        }
    }
}
