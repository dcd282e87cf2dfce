package eu.guichet.dataplane.fhir;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import eu.guichet.dataplane.tabular.ReasonCode;

/**
 * Flattens one FHIR resource (one NDJSON line) into one row of its {@link FhirView}, with Jackson's streaming parser:
 * it descends only into the objects and array elements that lead to a column and skips every other subtree token by
 * token, so narrative,
 * notes, names, addresses and attachments are never materialised. Checks structure (one JSON object), the resource
 * type, required elements, JSON types, dates, code systems, allowed codes and reference targets; a reason is a code and
 * an element path, never a value. Not thread-safe (one instance per thread).
 */
final class ResourceFlattener {

    /** One flattened resource: the column values as text (null when absent or invalid), and the reasons to reject. */
    record Row(String[] values, List<String> reasons) {
        boolean valid() {
            return reasons.isEmpty();
        }
    }

    private static final String RESOURCE_TYPE = "resourceType";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:\\S+");

    private final FhirView view;
    private final JsonFactory factory;
    private final List<ViewColumn> columns;
    /** Leaf element path → column index; {@code resourceType} maps to the slot after the columns. */
    private final Map<String, Integer> leaves = new HashMap<>();
    /** Paths of the objects (and array elements, {@code a[0]}) on the way to a leaf. */
    private final Set<String> prefixes = new HashSet<>();
    /** Arrays on the way to a leaf → the highest element index a column reads. */
    private final Map<String, Integer> arrays = new HashMap<>();
    /** For each SYSTEM column, the index of the code column of the same coding (or -1). */
    private final int[] codeOfSystem;

    ResourceFlattener(FhirView view, JsonFactory factory) {
        this.view = view;
        this.factory = factory;
        this.columns = view.columns();
        for (int i = 0; i < columns.size(); i++) {
            String element = columns.get(i).element();
            leaves.put(element, i);
            for (int dot = element.indexOf('.'); dot >= 0; dot = element.indexOf('.', dot + 1)) {
                prefixes.add(element.substring(0, dot));
            }
        }
        leaves.put(RESOURCE_TYPE, columns.size());
        List<String> paths = new ArrayList<>(prefixes);
        paths.addAll(leaves.keySet());
        for (String path : paths) {
            if (path.endsWith("]")) {
                int open = path.lastIndexOf('[');
                arrays.merge(path.substring(0, open), Integer.parseInt(path.substring(open + 1, path.length() - 1)),
                        Math::max);
            }
        }
        codeOfSystem = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            codeOfSystem[i] = -1;
            ViewColumn c = columns.get(i);
            if (c.derivation() == Derivation.SYSTEM && c.element().endsWith(".system")) {
                Integer code = leaves.get(c.element().substring(0, c.element().length() - ".system".length())
                        + ".code");
                codeOfSystem[i] = code == null ? -1 : code;
            }
        }
    }

    FhirView view() {
        return view;
    }

    Row flatten(String line) {
        String[] raw = new String[columns.size() + 1];
        JsonToken[] kinds = new JsonToken[columns.size() + 1];
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return rejected(ReasonCode.NOT_JSON, "*");
            }
            readObject(p, "", raw, kinds);
            if (p.nextToken() != null) {
                return rejected(ReasonCode.NOT_JSON, "*");
            }
        } catch (IOException e) {
            // JsonParseException included; its message may quote the line, so it is not kept.
            return rejected(ReasonCode.NOT_JSON, "*");
        }
        int typeSlot = columns.size();
        if (kinds[typeSlot] != JsonToken.VALUE_STRING) {
            return rejected(kinds[typeSlot] == null ? ReasonCode.REQUIRED : ReasonCode.TYPE, RESOURCE_TYPE);
        }
        if (!view.resource().equals(raw[typeSlot])) {
            return rejected(ReasonCode.RESOURCE_TYPE, RESOURCE_TYPE);
        }
        String[] values = new String[columns.size()];
        List<String> reasons = new ArrayList<>(0);
        for (int i = 0; i < values.length; i++) {
            ViewColumn c = columns.get(i);
            if (kinds[i] == null || kinds[i] == JsonToken.VALUE_NULL) {
                if (c.required()) {
                    reasons.add(reason(ReasonCode.REQUIRED, c.element()));
                }
                continue;
            }
            ReasonCode problem = derive(c, raw[i], kinds[i], values, i);
            if (problem != null) {
                values[i] = null;
                reasons.add(reason(problem, c.element()));
            }
        }
        for (int i = 0; i < values.length; i++) {
            int code = codeOfSystem[i];
            if (code >= 0 && values[code] != null && (kinds[i] == null || kinds[i] == JsonToken.VALUE_NULL)) {
                reasons.add(reason(ReasonCode.CODE_SYSTEM, columns.get(i).element()));
            }
        }
        return new Row(values, reasons);
    }

    private void readObject(JsonParser p, String path, String[] raw, JsonToken[] kinds) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            readValue(p, t, path.isEmpty() ? name : path + '.' + name, raw, kinds);
        }
    }

    private void readValue(JsonParser p, JsonToken t, String path, String[] raw, JsonToken[] kinds)
            throws IOException {
        if (t == JsonToken.START_OBJECT) {
            if (prefixes.contains(path)) {
                readObject(p, path, raw, kinds);
            } else {
                markStructured(path, t, kinds);
                p.skipChildren();
            }
        } else if (t == JsonToken.START_ARRAY) {
            Integer last = arrays.get(path);
            if (last != null) {
                int index = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken(), index++) {
                    String element = index <= last ? path + '[' + index + ']' : null;
                    if (element != null && (prefixes.contains(element) || leaves.containsKey(element))) {
                        readValue(p, e, element, raw, kinds);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                markStructured(path, t, kinds);
                p.skipChildren();
            }
        } else {
            Integer i = leaves.get(path);
            if (i != null) {
                kinds[i] = t;
                raw[i] = t == JsonToken.VALUE_NULL ? null : p.getText();
            }
        }
    }

    /** An object or array where a column expects a primitive: a type error. */
    private void markStructured(String path, JsonToken t, JsonToken[] kinds) {
        Integer i = leaves.get(path);
        if (i != null) {
            kinds[i] = t;
        }
    }

    /** Sets {@code values[i]}, or answers why the element cannot give a value. */
    private static ReasonCode derive(ViewColumn c, String raw, JsonToken kind, String[] values, int i) {
        if (c.derivation() == Derivation.DECIMAL) {
            if (kind != JsonToken.VALUE_NUMBER_INT && kind != JsonToken.VALUE_NUMBER_FLOAT) {
                return ReasonCode.TYPE;
            }
            values[i] = raw;
            return null;
        }
        if (kind != JsonToken.VALUE_STRING) {
            return ReasonCode.TYPE;
        }
        String v = raw.strip();
        switch (c.derivation()) {
            case RESOURCE_ID -> {
                if (!ID.matcher(v).matches()) {
                    return ReasonCode.TYPE;
                }
                values[i] = v;
            }
            case PATIENT_REFERENCE, ENCOUNTER_REFERENCE -> {
                String target = referencedId(v, c.derivation() == Derivation.PATIENT_REFERENCE ? "Patient/"
                        : "Encounter/");
                if (target == null) {
                    return ReasonCode.REFERENCE;
                }
                values[i] = target;
            }
            case CODE -> {
                if (v.isEmpty()) {
                    return ReasonCode.TYPE;
                }
                if (!c.allowed().isEmpty() && !c.allowed().contains(v)) {
                    return ReasonCode.ENUM;
                }
                values[i] = v;
            }
            case SYSTEM -> {
                if (!URI.matcher(v).matches()) {
                    return ReasonCode.CODE_SYSTEM;
                }
                values[i] = v;
            }
            case DAY, YEAR -> {
                if (!validDate(v)) {
                    return ReasonCode.TYPE;
                }
                if (c.derivation() == Derivation.YEAR) {
                    values[i] = v.substring(0, 4);
                } else if (v.length() >= 10) {
                    values[i] = v.substring(0, 10);
                }
            }
            case NATIONAL_ID -> values[i] = nir(v);
            case POSTCODE_PREFIX -> values[i] = v.isEmpty() ? null : v.substring(0, Math.min(3, v.length()));
            default -> throw new IllegalStateException("Unhandled derivation " + c.derivation());
        }
        return null;
    }

    /**
     * A NIR without its separators (13 characters, Corsica's 2A/2B allowed, then the key {@code 97 - n mod 97}), or
     * null when the value is not one.
     */
    static String nir(String value) {
        String v = value.replace(" ", "").replace(".", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
        if (!v.matches("[12378]\\d{4}(\\d{2}|2A|2B)\\d{8}")) {
            return null;
        }
        String digits = v.substring(0, 13).replace("2A", "19").replace("2B", "18");
        long n = Long.parseLong(digits);
        if (v.substring(5, 7).equals("2A")) {
            n -= 1_000_000;
        } else if (v.substring(5, 7).equals("2B")) {
            n -= 2_000_000;
        }
        return 97 - n % 97 == Integer.parseInt(v.substring(13)) ? v : null;
    }

    /** The id a relative ({@code Type/id}) or {@code urn:uuid:} reference points to; null for anything else. */
    static String referencedId(String reference, String typePrefix) {
        String id;
        if (reference.startsWith(typePrefix)) {
            id = reference.substring(typePrefix.length());
        } else if (reference.startsWith("urn:uuid:")) {
            id = reference.substring("urn:uuid:".length());
        } else {
            return null;
        }
        return ID.matcher(id).matches() ? id : null;
    }

    /** A FHIR date or dateTime (partial dates allowed) naming a real calendar day or month. */
    static boolean validDate(String v) {
        if (!DATE_TIME.matcher(v).matches()) {
            return false;
        }
        try {
            if (v.length() >= 10) {
                LocalDate.parse(v.substring(0, 10));
            } else if (v.length() == 7) {
                YearMonth.parse(v);
            }
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Row rejected(ReasonCode code, String path) {
        return new Row(null, List.of(reason(code, path)));
    }

    static String reason(ReasonCode code, String path) {
        return code.code() + ":" + path;
    }
}
