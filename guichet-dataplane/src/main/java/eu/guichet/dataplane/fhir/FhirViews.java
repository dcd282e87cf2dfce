package eu.guichet.dataplane.fhir;

import static eu.guichet.dataplane.fhir.Derivation.CODE;
import static eu.guichet.dataplane.fhir.Derivation.DAY;
import static eu.guichet.dataplane.fhir.Derivation.DECIMAL;
import static eu.guichet.dataplane.fhir.Derivation.ENCOUNTER_REFERENCE;
import static eu.guichet.dataplane.fhir.Derivation.NATIONAL_ID;
import static eu.guichet.dataplane.fhir.Derivation.PATIENT_REFERENCE;
import static eu.guichet.dataplane.fhir.Derivation.POSTCODE_PREFIX;
import static eu.guichet.dataplane.fhir.Derivation.RESOURCE_ID;
import static eu.guichet.dataplane.fhir.Derivation.SYSTEM;
import static eu.guichet.dataplane.fhir.Derivation.YEAR;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The flat FHIR tables Guichet ingests. These definitions drive the flattener; the ViewDefinitions published under
 * {@code fhir/views/} describe the same columns for people (a test keeps the two equal). Every element not named here
 * — narrative {@code text}, {@code note}, names, addresses, telecom, identifiers (but the Patient's first one, read only
 * when it is a NIR, and pseudonymised), attachments, extensions, every
 * free-text field — is never read into a row.
 */
final class FhirViews {

    /** The OID of the NIR (INS-NIR) identifier system. */
    static final String NIR_SYSTEM = "urn:oid:1.2.250.1.213.1.4.8";
    private static final String PSEUDONYM = ", pseudonymised at entry (HMAC under the HDAB key, the holder's"
            + " patient-identifier domain)";

    static final List<FhirView> ALL = List.of(
            view("patient", "Patient", "One row per patient.",
                    id("patient_id", "Patient"),
                    opt("person_id", "identifier[0].value", "identifier.where(system = '" + NIR_SYSTEM
                            + "').value", NATIONAL_ID, "The national identifier (NIR) of the first identifier,"
                            + " pseudonymised at entry in the national domain (the same person has the same value"
                            + " at every holder, and opt-outs apply to it); empty when the first identifier is not"
                            + " a NIR."),
                    opt("birth_year", "birthDate", "birthDate.toString().substring(0, 4).toInteger()", YEAR,
                            "Year of birth; the day and month are dropped."),
                    opt("sex", "gender", "gender", CODE, "Administrative gender.",
                            "male", "female", "other", "unknown"),
                    opt("deceased_date", "deceasedDateTime", "deceased.ofType(dateTime)", DAY,
                            "Date of death (the day; the time is dropped)."),
                    opt("postcode_prefix", "address[0].postalCode", "address.first().postalCode.substring(0, 3)",
                            POSTCODE_PREFIX, "First three characters of the first address's postal code.")),
            view("encounter", "Encounter", "One row per encounter.",
                    id("encounter_id", "Encounter"),
                    subject(),
                    req("status", "status", "status", CODE, "Encounter status.", "planned", "arrived", "triaged",
                            "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"),
                    req("class_code", "class.code", "class.code", CODE, "Encounter class (v3 ActCode)."),
                    opt("type_system", "type[0].coding[0].system", "type.first().coding.first().system", SYSTEM,
                            "Code system of the first type coding."),
                    opt("type_code", "type[0].coding[0].code", "type.first().coding.first().code", CODE,
                            "Code of the first type coding."),
                    opt("period_start", "period.start", "period.start", DAY, "Start day."),
                    opt("period_end", "period.end", "period.end", DAY, "End day.")),
            view("condition", "Condition", "One row per condition (problem or diagnosis).",
                    id("condition_id", "Condition"),
                    subject(),
                    encounter(),
                    opt("clinical_status", "clinicalStatus.coding[0].code", "clinicalStatus.coding.first().code", CODE,
                            "Clinical status."),
                    opt("verification_status", "verificationStatus.coding[0].code",
                            "verificationStatus.coding.first().code", CODE, "Verification status."),
                    codeSystem("code_system", "code"),
                    req("code", "code.coding[0].code", "code.coding.first().code", CODE,
                            "Code of the first coding."),
                    opt("onset_date", "onsetDateTime", "onset.ofType(dateTime)", DAY, "Onset day."),
                    opt("abatement_date", "abatementDateTime", "abatement.ofType(dateTime)", DAY, "Abatement day."),
                    opt("recorded_date", "recordedDate", "recordedDate", DAY, "Day recorded.")),
            view("observation", "Observation", "One row per observation; components are not flattened.",
                    id("observation_id", "Observation"),
                    subject(),
                    encounter(),
                    req("status", "status", "status", CODE, "Observation status.", "registered", "preliminary",
                            "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"),
                    opt("category", "category[0].coding[0].code", "category.first().coding.first().code", CODE,
                            "Code of the first category."),
                    codeSystem("code_system", "code"),
                    req("code", "code.coding[0].code", "code.coding.first().code", CODE, "Code of the first coding."),
                    opt("value_quantity", "valueQuantity.value", "value.ofType(Quantity).value", DECIMAL,
                            "Numeric value."),
                    opt("value_unit", "valueQuantity.unit", "value.ofType(Quantity).unit", CODE, "Unit of the value."),
                    codeSystem("value_code_system", "valueCodeableConcept"),
                    opt("value_code", "valueCodeableConcept.coding[0].code",
                            "value.ofType(CodeableConcept).coding.first().code", CODE, "Coded value."),
                    opt("effective_date", "effectiveDateTime", "effective.ofType(dateTime)", DAY, "Effective day.")),
            view("procedure", "Procedure", "One row per procedure.",
                    id("procedure_id", "Procedure"),
                    subject(),
                    encounter(),
                    req("status", "status", "status", CODE, "Procedure status.", "preparation", "in-progress",
                            "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown"),
                    codeSystem("code_system", "code"),
                    req("code", "code.coding[0].code", "code.coding.first().code", CODE, "Code of the first coding."),
                    opt("performed_start", "performedPeriod.start", "performed.ofType(Period).start", DAY,
                            "Start day."),
                    opt("performed_end", "performedPeriod.end", "performed.ofType(Period).end", DAY, "End day.")),
            view("medication_request", "MedicationRequest", "One row per medication request (prescription).",
                    id("medication_request_id", "MedicationRequest"),
                    subject(),
                    encounter(),
                    req("status", "status", "status", CODE, "Request status.", "active", "on-hold", "cancelled",
                            "completed", "entered-in-error", "stopped", "draft", "unknown"),
                    req("intent", "intent", "intent", CODE, "Request intent."),
                    codeSystem("medication_system", "medicationCodeableConcept"),
                    opt("medication_code", "medicationCodeableConcept.coding[0].code",
                            "medication.ofType(CodeableConcept).coding.first().code", CODE,
                            "Medication code (empty when the request points to a Medication resource)."),
                    opt("authored_date", "authoredOn", "authoredOn", DAY, "Day authored.")),
            view("immunization", "Immunization", "One row per immunization.",
                    id("immunization_id", "Immunization"),
                    new ViewColumn("patient_id", "patient.reference", "patient.getReferenceKey(Patient)",
                            PATIENT_REFERENCE, true, Set.of(), "The immunized patient" + PSEUDONYM + "."),
                    encounter(),
                    req("status", "status", "status", CODE, "Immunization status.", "completed", "entered-in-error",
                            "not-done"),
                    codeSystem("vaccine_system", "vaccineCode"),
                    req("vaccine_code", "vaccineCode.coding[0].code", "vaccineCode.coding.first().code", CODE,
                            "Vaccine code (CVX in Synthea)."),
                    opt("occurrence_date", "occurrenceDateTime", "occurrence.ofType(dateTime)", DAY,
                            "Day of vaccination.")),
            view("diagnostic_report", "DiagnosticReport",
                    "One row per diagnostic report; the presented form (the report's text) is dropped.",
                    id("diagnostic_report_id", "DiagnosticReport"),
                    subject(),
                    encounter(),
                    req("status", "status", "status", CODE, "Report status.", "registered", "partial",
                            "preliminary", "final", "amended", "corrected", "appended", "cancelled",
                            "entered-in-error", "unknown"),
                    opt("category", "category[0].coding[0].code", "category.first().coding.first().code", CODE,
                            "Code of the first category."),
                    codeSystem("code_system", "code"),
                    req("code", "code.coding[0].code", "code.coding.first().code", CODE, "Code of the first coding."),
                    opt("effective_date", "effectiveDateTime", "effective.ofType(dateTime)", DAY, "Effective day.")),
            view("care_plan", "CarePlan", "One row per care plan; activities are not flattened.",
                    id("care_plan_id", "CarePlan"),
                    subject(),
                    encounter(),
                    req("status", "status", "status", CODE, "Plan status.", "draft", "active", "on-hold", "revoked",
                            "completed", "entered-in-error", "unknown"),
                    req("intent", "intent", "intent", CODE, "Plan intent."),
                    opt("category_system", "category[1].coding[0].system", "category[1].coding.first().system",
                            SYSTEM, "Code system of the second category (Synthea puts US Core's 'assess-plan' first"
                                    + " and the SNOMED CT plan type second)."),
                    opt("category_code", "category[1].coding[0].code", "category[1].coding.first().code", CODE,
                            "Code of the second category: the kind of plan."),
                    opt("period_start", "period.start", "period.start", DAY, "Start day."),
                    opt("period_end", "period.end", "period.end", DAY, "End day.")),
            view("imaging_study", "ImagingStudy", "One row per imaging study; series after the first and instances are"
                    + " not flattened.",
                    id("imaging_study_id", "ImagingStudy"),
                    subject(),
                    encounter(),
                    req("status", "status", "status", CODE, "Study status.", "registered", "available", "cancelled",
                            "entered-in-error", "unknown"),
                    opt("started_date", "started", "started", DAY, "Start day."),
                    codeSystem("procedure_system", "procedureCode[0]"),
                    opt("procedure_code", "procedureCode[0].coding[0].code", "procedureCode[0].coding.first().code",
                            CODE, "Code of the first procedure."),
                    opt("modality_code", "series[0].modality.code", "series[0].modality.code", CODE,
                            "DICOM modality of the first series."),
                    opt("body_site_code", "series[0].bodySite.code", "series[0].bodySite.code", CODE,
                            "Body site (SNOMED CT) of the first series.")),
            view("allergy_intolerance", "AllergyIntolerance", "One row per allergy or intolerance.",
                    id("allergy_intolerance_id", "AllergyIntolerance"),
                    new ViewColumn("patient_id", "patient.reference", "patient.getReferenceKey(Patient)",
                            PATIENT_REFERENCE, true, Set.of(), "The patient" + PSEUDONYM + "."),
                    opt("clinical_status", "clinicalStatus.coding[0].code", "clinicalStatus.coding.first().code", CODE,
                            "Clinical status."),
                    opt("type", "type", "type", CODE, "allergy or intolerance.", "allergy", "intolerance"),
                    opt("category", "category[0]", "category.first()", CODE, "First category."),
                    opt("criticality", "criticality", "criticality", CODE, "Criticality.", "low", "high",
                            "unable-to-assess"),
                    codeSystem("code_system", "code"),
                    req("code", "code.coding[0].code", "code.coding.first().code", CODE, "Code of the first coding."),
                    opt("recorded_date", "recordedDate", "recordedDate", DAY, "Day recorded.")));

    private FhirViews() {
    }

    static Optional<FhirView> forResource(String resourceType) {
        return ALL.stream().filter(v -> v.resource().equals(resourceType)).findFirst();
    }

    private static FhirView view(String name, String resource, String description, ViewColumn... columns) {
        return new FhirView(name, resource, description, List.of(columns));
    }

    private static ViewColumn id(String name, String resource) {
        return new ViewColumn(name, "id", "getResourceKey()", RESOURCE_ID, true, Set.of(),
                resource + ".id" + PSEUDONYM + ".");
    }

    private static ViewColumn subject() {
        return new ViewColumn("patient_id", "subject.reference", "subject.getReferenceKey(Patient)",
                PATIENT_REFERENCE, true, Set.of(), "The subject patient" + PSEUDONYM
                        + "; equals patient.patient_id of that patient.");
    }

    private static ViewColumn encounter() {
        return new ViewColumn("encounter_id", "encounter.reference", "encounter.getReferenceKey(Encounter)",
                ENCOUNTER_REFERENCE, false, Set.of(), "The encounter" + PSEUDONYM
                        + "; equals encounter.encounter_id.");
    }

    private static ViewColumn codeSystem(String name, String codeableConcept) {
        return opt(name, codeableConcept + ".coding[0].system", codeableConcept + ".coding.first().system", SYSTEM,
                "Code system (URI) of the first coding of " + codeableConcept + ".");
    }

    private static ViewColumn req(String name, String element, String fhirPath, Derivation derivation,
            String description, String... allowed) {
        return new ViewColumn(name, element, fhirPath, derivation, true, Set.of(allowed), description);
    }

    private static ViewColumn opt(String name, String element, String fhirPath, Derivation derivation,
            String description, String... allowed) {
        return new ViewColumn(name, element, fhirPath, derivation, false, Set.of(allowed), description);
    }
}
