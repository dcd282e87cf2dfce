package eu.guichet.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each Synthea patient a synthetic French national identifier (NIR) as its first identifier (system
 * {@value #NIR_SYSTEM}), as a French holder's export would carry it: sex, year and month of birth, then a fictitious
 * département 99 (born abroad), commune and order number from the patient's line, and the NIR key. Deterministic: the
 * same population gets the same NIRs. {@link #nir(int, String, String)} gives a patient's NIR to tests (opt-outs).
 */
public final class NationalIds {

    public static final String NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";
    private static final Pattern BIRTH = Pattern.compile("\"birthDate\":\"(\\d{4})-(\\d{2})");
    private static final Pattern GENDER = Pattern.compile("\"gender\":\"([a-z]+)\"");
    private static final String IDENTIFIERS = "\"identifier\":[";

    private NationalIds() {
    }

    /** Rewrites {@code Patient.ndjson} in place, the NIR first among each patient's identifiers. */
    static void addTo(Path fhirDirectory) throws IOException {
        Path patients = fhirDirectory.resolve("Patient.ndjson");
        List<String> out = new ArrayList<>();
        int index = 0;
        for (String line : Files.readAllLines(patients, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Matcher birth = BIRTH.matcher(line);
            Matcher gender = GENDER.matcher(line);
            int at = line.indexOf(IDENTIFIERS);
            if (!birth.find() || !gender.find() || at < 0) {
                out.add(line);
                index++;
                continue;
            }
            String identifier = "{\"system\":\"" + NIR_SYSTEM + "\",\"value\":\""
                    + nir(index++, gender.group(1), birth.group(1) + "-" + birth.group(2)) + "\"},";
            out.add(line.substring(0, at + IDENTIFIERS.length()) + identifier
                    + line.substring(at + IDENTIFIERS.length()));
        }
        Files.write(patients, out, StandardCharsets.UTF_8);
    }

    /** The NIR of the patient on line {@code index} (from 0) of {@code Patient.ndjson}; {@code birthMonth} yyyy-MM. */
    public static String nir(int index, String gender, String birthMonth) {
        String body = (gender.equals("female") ? "2" : "1") + birthMonth.substring(2, 4) + birthMonth.substring(5, 7)
                + "99" + String.format("%03d", 1 + index / 1000) + String.format("%03d", 1 + index % 1000);
        long key = 97 - Long.parseLong(body) % 97;
        return body + String.format("%02d", key);
    }
}
