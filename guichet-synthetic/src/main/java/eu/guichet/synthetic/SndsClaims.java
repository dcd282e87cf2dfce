package eu.guichet.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second holder's view of the same population: an SNDS-like claims table ({@code snds/PRESTATIONS.csv} with its
 * Table Schema) for every other patient (even lines of {@code Patient.ndjson}), one claim per encounter since
 * {@value #FROM}, identified by the patient's NIR — so an extract that joins the FHIR data and the claims links the
 * same persons through their national pseudonyms. Run after {@link NationalIds}.
 */
final class SndsClaims {

    static final String FROM = "2015";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern NIR = Pattern.compile("\"system\":\"" + Pattern.quote(NationalIds.NIR_SYSTEM)
            + "\",\"value\":\"([0-9AB]{15})\"");
    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\\{\"reference\":\"(?:Patient/|urn:uuid:)([^\"]+)\"");
    private static final Pattern START = Pattern.compile("\"period\":\\{\"start\":\"(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern CLASS = Pattern.compile("\"class\":\\{[^}]*\"code\":\"([A-Z]+)\"");
    private static final Map<String, String[]> NATURE = Map.of("AMB", new String[] { "1111", "25.00" }, "EMER",
            new String[] { "1112", "60.50" }, "IMP", new String[] { "1313", "850.00" }, "WELLNESS",
            new String[] { "1114", "30.00" });

    private SndsClaims() {
    }

    static void write(Path fhir, Path out) throws IOException {
        Map<String, String> nirs = new HashMap<>();
        List<String> patients = Files.readAllLines(fhir.resolve("Patient.ndjson"), StandardCharsets.UTF_8);
        for (int i = 0; i < patients.size(); i += 2) {
            Matcher id = ID.matcher(patients.get(i));
            Matcher nir = NIR.matcher(patients.get(i));
            if (id.find() && nir.find()) {
                nirs.put(id.group(1), nir.group(1));
            }
        }
        Files.createDirectories(out);
        try (Writer csv = Files.newBufferedWriter(out.resolve("PRESTATIONS.csv"), StandardCharsets.UTF_8)) {
            csv.write("BEN_NIR_PSA,EXE_SOI_DTD,PRS_NAT_REF,PRS_PAI_MNT\n");
            for (String line : Files.readAllLines(fhir.resolve("Encounter.ndjson"), StandardCharsets.UTF_8)) {
                Matcher subject = SUBJECT.matcher(line);
                Matcher start = START.matcher(line);
                Matcher kind = CLASS.matcher(line);
                if (!subject.find() || !start.find() || !kind.find() || !nirs.containsKey(subject.group(1))
                        || start.group(1).compareTo(FROM) < 0) {
                    continue;
                }
                String[] nature = NATURE.getOrDefault(kind.group(1), new String[] { "1119", "40.00" });
                csv.write(nirs.get(subject.group(1)) + "," + start.group(1) + "," + nature[0] + "," + nature[1]
                        + "\n");
            }
        }
        Files.writeString(out.resolve("PRESTATIONS.schema.json"), """
                {"name": "PRESTATIONS", "fields": [
                  {"name": "BEN_NIR_PSA", "type": "string", "description": "NIR of the beneficiary (pseudonymised at entry)",
                   "constraints": {"required": true}},
                  {"name": "EXE_SOI_DTD", "type": "date", "description": "Date of care", "constraints": {"required": true}},
                  {"name": "PRS_NAT_REF", "type": "string", "description": "Nature of the service"},
                  {"name": "PRS_PAI_MNT", "type": "number", "description": "Amount paid (EUR)"}
                ]}
                """);
    }
}
