package eu.guichet.extract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import eu.guichet.access.PermitScope;
import eu.guichet.dataplane.extract.Population;
import eu.guichet.ingest.LakeVersions.LakeDataset;
import eu.guichet.ingest.LakeVersions.LakeTable;

/**
 * Where a permit's code list is executed: in FHIR datasets, the {@code condition} and {@code procedure} tables (their
 * {@code code_system} must equal the list's system; dated by onset and performed start; persons through
 * {@code patient.person_id}); in CSV datasets, every table with a person column and a diagnosis column
 * ({@code DGN_PAL}, {@code ASS_DGN}, {@code *diag*}...) when the list's system is ICD-10 (CIM-10), the SNDS's
 * diagnosis coding, dated by the table's first date column.
 */
final class CodeListMapping {

    /** FHIR event tables with codes: name → date column. */
    private static final Map<String, String> FHIR_EVENTS = Map.of("condition", "onset_date",
            "procedure", "performed_start");
    private static final Pattern DIAGNOSIS = Pattern.compile(".*(dgn|diag).*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ICD10 = Pattern.compile(".*(icd-?10|cim-?10).*", Pattern.CASE_INSENSITIVE);

    private CodeListMapping() {
    }

    /** The event tables of the scoped datasets that hold codes of the list's system; empty when none does. */
    static List<Population.CodeEvents> events(PermitScope.CodeList list, List<PermitScope.ScopedDataset> datasets,
            Map<String, LakeDataset> lake, PermitScope.Period period) {
        List<Population.CodeEvents> events = new ArrayList<>();
        if (list.codes().isEmpty()) {
            return events;
        }
        for (PermitScope.ScopedDataset d : datasets) {
            LakeDataset data = lake.get(d.datasetId().toString());
            if (data.format().fhir()) {
                LakeTable patient = data.tables().get("patient");
                if (patient == null || !patient.columns().containsKey("person_id")) {
                    continue;
                }
                Population.Link link = new Population.Link(List.of(patient.file()), "patient_id", "person_id");
                FHIR_EVENTS.forEach((name, date) -> {
                    LakeTable t = data.tables().get(name);
                    if (t != null && t.columns().containsKey("code") && t.columns().containsKey("code_system")) {
                        events.add(new Population.CodeEvents(List.of(t.file()), "patient_id", "code",
                                Optional.of("code_system"), list.system(), list.codes(),
                                Optional.of(date).filter(t.columns()::containsKey), period.from(), period.to(),
                                Optional.of(link)));
                    }
                });
            } else if (ICD10.matcher(list.system()).matches()) {
                for (LakeTable t : data.tables().values()) {
                    Optional<String> diagnosis = t.columns().keySet().stream()
                            .filter(c -> DIAGNOSIS.matcher(c).matches()).findFirst();
                    if (t.personColumns().isEmpty() || diagnosis.isEmpty()) {
                        continue;
                    }
                    Optional<String> date = t.columns().entrySet().stream()
                            .filter(e -> e.getValue().toUpperCase(Locale.ROOT).startsWith("DATE"))
                            .map(Map.Entry::getKey).findFirst();
                    events.add(new Population.CodeEvents(List.of(t.file()), t.personColumns().get(0),
                            diagnosis.get(), Optional.empty(), list.system(), list.codes(), date, period.from(),
                            period.to(), Optional.empty()));
                }
            }
        }
        return events;
    }
}
