package eu.guichet.dataplane.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import eu.guichet.dataplane.tabular.DeliveryException;
import eu.guichet.dataplane.tabular.ProfileFinding;
import eu.guichet.dataplane.tabular.ProfileSampleReport;

/**
 * Full FHIR R4 validation of a sample of records with HAPI FHIR's instance validator: structure and cardinalities,
 * data types, the FHIRPath invariants of the base resources, and value-set bindings of the FHIR core terminologies.
 * The validator is built once per JVM, on first use (it loads every R4 definition: seconds).
 * <p>
 * Settings, chosen so that what a national export normally holds does not turn into an error of every record:
 * <ul>
 * <li>code systems the validator does not hold (SNOMED CT, LOINC, RxNorm, CVX...) are not errors: codes of them are
 * not checked, at {@code information} level at most;</li>
 * <li>profiles a resource declares in {@code meta.profile} that are not loaded (Synthea declares US Core) are not
 * errors: the resource is validated against the base R4 definition and the unknown profile is an
 * {@code information} finding ({@value #PROFILE_UNKNOWN});</li>
 * <li>best-practice recommendations (narrative, performer of an observation) are not reported;</li>
 * <li>extensions the validator does not know are allowed ({@code information}).</li>
 * </ul>
 * Findings keep the severity, the message id and the path without array indices: never the message text, which can
 * quote values. Thread-safe.
 */
final class ProfileValidator {

    /** The message id of a profile declared in {@code meta.profile} that is not loaded. */
    static final String PROFILE_UNKNOWN = "Validation_VAL_Profile_Unknown";
    /** The message id of a record the validator failed on (an exception, not a finding). */
    static final String VALIDATOR_FAILED = "Guichet_Validator_Failed";
    /** The most kinds of finding a table's report lists. */
    static final int MAX_FINDINGS = 50;

    /** Resources validated together, as the entries of one Bundle. */
    static final int BUNDLE_SIZE = 50;
    /** The prefix of the message ids of the Bundle rules, which concern the wrapper, not the records. */
    private static final String BUNDLE_RULES = "Bundle_";

    /** An entry's resource in a Bundle's location: {@code Bundle.entry[3].resource} and its optional comment. */
    private static final Pattern ENTRY = Pattern.compile("Bundle\\.entry\\[(\\d+)]\\.resource(?:/\\*.*?\\*/)?");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");
    private static final Pattern PATH_TEXT = Pattern.compile("[A-Za-z0-9_.():\\-]+");
    private static final Pattern ID_TEXT = Pattern.compile("[A-Za-z0-9_.:/#\\-]+");
    private static final List<String> SEVERITIES = List.of("fatal", "error", "warning", "information");
    private static volatile FhirValidator validator;

    private ProfileValidator() {
    }

    /** The JVM's validator, built on first use. */
    static FhirValidator validator() {
        FhirValidator v = validator;
        if (v == null) {
            synchronized (ProfileValidator.class) {
                v = validator;
                if (v == null) {
                    v = build();
                    validator = v;
                }
            }
        }
        return v;
    }

    private static FhirValidator build() {
        FhirContext context = FhirContext.forR4();
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                new UnknownCodeSystemWarningValidationSupport(context);
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.INFORMATION);
        ValidationSupportChain chain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration
                .defaultValues(), new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context), new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context), unknownCodeSystems);
        FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
        instanceValidator.setErrorForUnknownProfiles(false);
        instanceValidator.setAnyExtensionsAllowed(true);
        instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        return context.newValidator().registerValidatorModule(instanceValidator);
    }

    /** Validates a type's sampled resources (raw JSON); the report holds counts, message ids and paths. */
    static ProfileSampleReport validate(String resourceType, List<String> resources, long oversized) {
        FhirValidator v = resources.isEmpty() ? null : validator();
        List<Set<Key>> perRecord = new ArrayList<>();
        for (int from = 0; from < resources.size(); from += BUNDLE_SIZE) {
            if (Thread.currentThread().isInterrupted()) {
                throw new DeliveryException("Profile validation of " + resourceType + ": interrupted");
            }
            List<String> part = resources.subList(from, Math.min(resources.size(), from + BUNDLE_SIZE));
            List<Set<Key>> found = validateAsBundle(v, resourceType, part);
            if (found == null) { // the bundle could not be validated as a whole (a malformed record): one by one
                found = new ArrayList<>();
                for (String resource : part) {
                    found.add(validateOne(v, resourceType, resource));
                }
            }
            perRecord.addAll(found);
        }
        Map<Key, Long> counts = new HashMap<>();
        long withErrors = 0;
        long withWarnings = 0;
        for (Set<Key> found : perRecord) {
            found.forEach(k -> counts.merge(k, 1L, Long::sum));
            if (found.stream().anyMatch(k -> k.severity().equals("error") || k.severity().equals("fatal"))) {
                withErrors++;
            }
            if (found.stream().anyMatch(k -> k.severity().equals("warning"))) {
                withWarnings++;
            }
        }
        List<ProfileFinding> findings = new ArrayList<>();
        counts.forEach((k, n) -> findings.add(new ProfileFinding(k.severity(), k.messageId(), k.path(), n)));
        findings.sort(Comparator.comparingInt((ProfileFinding f) -> SEVERITIES.indexOf(f.severity()))
                .thenComparing(Comparator.comparingLong(ProfileFinding::records).reversed())
                .thenComparing(ProfileFinding::messageId).thenComparing(ProfileFinding::path));
        int leftOut = Math.max(0, findings.size() - MAX_FINDINGS);
        return new ProfileSampleReport(resources.size(), oversized, withErrors, withWarnings,
                findings.subList(0, findings.size() - leftOut), leftOut);
    }

    /**
     * Validates resources as the entries of one {@code collection} Bundle: one validation for many resources (HAPI
     * sets up its instance validator once per call, which costs more than validating a small resource). Each
     * finding inside an entry goes to that entry's record, its path rewritten from the entry's resource; findings
     * about the Bundle itself, and the Bundle rules' findings inside entries (no {@code fullUrl}, references not
     * resolved within the bundle), are the wrapper's, not the records', and are dropped. On the Synthea fixture this
     * gives the findings of validating each resource alone, 4–10 times faster. {@code null} when the validator
     * failed on the bundle as a whole.
     */
    private static List<Set<Key>> validateAsBundle(FhirValidator v, String resourceType, List<String> resources) {
        StringBuilder bundle = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.size(); i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\":").append(resources.get(i)).append('}');
        }
        List<Set<Key>> found = new ArrayList<>();
        resources.forEach(r -> found.add(new HashSet<>()));
        try {
            for (SingleValidationMessage m : v.validateWithResult(bundle.append("]}").toString()).getMessages()) {
                if (m.getMessageId() != null && m.getMessageId().startsWith(BUNDLE_RULES)) {
                    continue; // the wrapper's own rules (entries without fullUrl, references to resolve in it)
                }
                Matcher entry = m.getLocationString() == null ? null : ENTRY.matcher(m.getLocationString());
                if (entry != null && entry.lookingAt()) {
                    int index = Integer.parseInt(entry.group(1));
                    if (index < found.size()) {
                        String rest = m.getLocationString().substring(entry.end());
                        found.get(index).add(new Key(severity(m), messageId(m.getMessageId()),
                                path(resourceType + rest, resourceType)));
                    }
                } else if (m.getSeverity() == ResultSeverityEnum.FATAL) {
                    return null; // the bundle as a whole could not be read
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return found;
    }

    /** One resource alone (also the fallback when a bundle of them cannot be validated). */
    static Set<Key> validateOne(FhirValidator v, String resourceType, String resource) {
        if (Thread.currentThread().isInterrupted()) {
            throw new DeliveryException("Profile validation of " + resourceType + ": interrupted");
        }
        Set<Key> found = new HashSet<>();
        try {
            for (SingleValidationMessage m : v.validateWithResult(resource).getMessages()) {
                found.add(new Key(severity(m), messageId(m.getMessageId()), path(m.getLocationString(),
                        resourceType)));
            }
        } catch (RuntimeException e) {
            // the validator gave up on this record (its message can quote the record: not kept)
            found.add(new Key(ResultSeverityEnum.FATAL.getCode(), VALIDATOR_FAILED, resourceType));
        }
        return found;
    }

    private static String severity(SingleValidationMessage m) {
        if (PROFILE_UNKNOWN.equals(m.getMessageId())) {
            return ResultSeverityEnum.INFORMATION.getCode();
        }
        return m.getSeverity() == null ? ResultSeverityEnum.ERROR.getCode() : m.getSeverity().getCode();
    }

    /** The message id, or {@code unknown}; cut at the first character no id has. */
    static String messageId(String id) {
        return safe(id, ID_TEXT, "unknown");
    }

    /** The element path without array indices nor comments; the resource type when there is none. */
    static String path(String location, String resourceType) {
        if (location == null) {
            return resourceType;
        }
        return safe(INDEX.matcher(COMMENT.matcher(location).replaceAll("")).replaceAll(""), PATH_TEXT, resourceType);
    }

    private static String safe(String text, Pattern allowed, String otherwise) {
        if (text == null) {
            return otherwise;
        }
        var m = allowed.matcher(text);
        String kept = m.lookingAt() ? text.substring(0, Math.min(m.end(), 200)) : "";
        return kept.isEmpty() ? otherwise : kept;
    }

    record Key(String severity, String messageId, String path) {
    }
}
