package eu.guichet.access.internal;

import static eu.guichet.access.internal.FormFields.enums;
import static eu.guichet.access.internal.FormFields.nz;
import static eu.guichet.access.internal.FormFields.parse;
import static eu.guichet.access.internal.FormFields.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

import eu.guichet.access.ApplicationForm;
import eu.guichet.access.ApplicationForm.LegalBasis;
import eu.guichet.access.ApplicationForm.RequestedDataset;
import eu.guichet.access.ApplicationForm.RequestedVariable;
import eu.guichet.access.ApplicationForm.TeamMember;
import eu.guichet.access.DataForm;
import eu.guichet.access.PermitScope;
import eu.guichet.access.PermitScope.Sex;
import eu.guichet.access.Purpose;
import eu.guichet.access.internal.FormFields.DatasetRows;
import eu.guichet.access.internal.FormFields.TeamRow;
import eu.guichet.access.internal.FormFields.VariableRow;
import eu.guichet.catalogue.DatasetId;


/**
 * The application form as the step-by-step pages show and post it: every field as typed, so that a refused save
 * re-renders exactly what the applicant wrote. A step's post replaces only that step's fields ({@link #readStep});
 * {@link #toForm()} converts back and lists, by field, what could not be read (dates, numbers, variable names).
 * Population code lists are not edited on the pages: they travel unchanged.
 */
public final class FormDraft {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_]+\\.[A-Za-z0-9_]+");

    public String title = "", summary = "", applicantFunctions = "", intendedUse = "", expectedBenefit = "";
    public String requestedStatistics = "";
    public Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    public List<TeamRow> team = new ArrayList<>();
    public List<DatasetRows> datasets = new ArrayList<>();
    public String periodFrom = "", periodTo = "", minAge = "", maxAge = "", regionCodes = "";
    public Set<Sex> sexes = EnumSet.noneOf(Sex.class);
    public String dataFormat = "", dataForm = "", dataFormJustification = "";
    public String safeguards = "", legalBasis = "", legalBasisDescription = "", processingMonths = "";
    public String processingJustification = "", tools = "", ethicsAssessment = "", broughtData = "";
    public boolean optOutException;
    public String optOutExceptionJustification = "";
    public boolean noProhibitedUse;

    private List<PermitScope.CodeList> codeLists = List.of();
    private final Map<String, String> unreadable = new LinkedHashMap<>();

    public static FormDraft of(ApplicationForm f) {
        FormDraft d = new FormDraft();
        d.title = nz(f.title());
        d.summary = nz(f.summary());
        d.applicantFunctions = nz(f.applicantFunctions());
        d.intendedUse = nz(f.intendedUse());
        d.expectedBenefit = nz(f.expectedBenefit());
        d.requestedStatistics = nz(f.requestedStatistics());
        d.purposes = f.purposes().isEmpty() ? EnumSet.noneOf(Purpose.class) : EnumSet.copyOf(f.purposes());
        f.team().forEach(m -> d.team.add(new TeamRow(m.username(), m.function(), m.principalInvestigator())));
        for (RequestedDataset rd : f.datasets()) {
            DatasetRows rows = new DatasetRows(rd.datasetId().toString(), rd.identifier());
            rd.variables().forEach(v -> rows.variables.add(new VariableRow(v.name(), v.justification())));
            d.datasets.add(rows);
        }
        d.periodFrom = f.periodFrom() == null ? "" : f.periodFrom().toString();
        d.periodTo = f.periodTo() == null ? "" : f.periodTo().toString();
        d.minAge = f.population().minAge().map(String::valueOf).orElse("");
        d.maxAge = f.population().maxAge().map(String::valueOf).orElse("");
        d.sexes = f.population().sexes().isEmpty() ? EnumSet.noneOf(Sex.class) : EnumSet.copyOf(f.population().sexes());
        d.regionCodes = String.join(", ", f.population().regionCodes().stream().sorted().toList());
        d.codeLists = f.population().codeLists();
        d.dataFormat = nz(f.dataFormat());
        d.dataForm = f.dataForm() == null ? "" : f.dataForm().name();
        d.dataFormJustification = nz(f.dataFormJustification());
        d.safeguards = nz(f.safeguards());
        d.legalBasis = f.legalBasis() == null ? "" : f.legalBasis().name();
        d.legalBasisDescription = nz(f.legalBasisDescription());
        d.processingMonths = f.processingMonths() == null ? "" : f.processingMonths().toString();
        d.processingJustification = nz(f.processingJustification());
        d.tools = nz(f.tools());
        d.ethicsAssessment = nz(f.ethicsAssessment());
        d.broughtData = nz(f.broughtData());
        d.optOutException = f.optOutException();
        d.optOutExceptionJustification = nz(f.optOutExceptionJustification());
        d.noProhibitedUse = f.noProhibitedUse();
        return d;
    }

    /**
     * Replaces the fields of one step with the posted ones. Text fields absent from the post are kept (a data request's
     * pages leave some out); check boxes and multiple choices of the step are read as posted (absent: none).
     */
    public FormDraft readStep(int step, MultiValueMap<String, String> p) {
        switch (step) {
            case 1 -> {
                title = text(p, "title", title);
                summary = text(p, "summary", summary);
                applicantFunctions = text(p, "applicantFunctions", applicantFunctions);
                intendedUse = text(p, "intendedUse", intendedUse);
                expectedBenefit = text(p, "expectedBenefit", expectedBenefit);
                requestedStatistics = text(p, "requestedStatistics", requestedStatistics);
                purposes = enums(p, "purposes", Purpose.class);
            }
            case 2 -> readTeam(p);
            case 3 -> readData(p);
            case 4 -> {
                safeguards = text(p, "safeguards", safeguards);
                legalBasis = text(p, "legalBasis", legalBasis);
                legalBasisDescription = text(p, "legalBasisDescription", legalBasisDescription);
                processingMonths = text(p, "processingMonths", processingMonths);
                processingJustification = text(p, "processingJustification", processingJustification);
                tools = text(p, "tools", tools);
                ethicsAssessment = text(p, "ethicsAssessment", ethicsAssessment);
                broughtData = text(p, "broughtData", broughtData);
                optOutException = p.containsKey("optOutException");
                optOutExceptionJustification = text(p, "optOutExceptionJustification", optOutExceptionJustification);
                noProhibitedUse = p.containsKey("noProhibitedUse");
            }
            default -> {
            }
        }
        return this;
    }

    /**
     * Rows {@code memberUsername}/{@code memberFunction} in order, {@code pi} the row index, {@code removeMember}
     * the rows to drop.
     */
    private void readTeam(MultiValueMap<String, String> p) {
        List<String> usernames = p.getOrDefault("memberUsername", List.of());
        List<String> functions = p.getOrDefault("memberFunction", List.of());
        String pi = p.getFirst("pi");
        List<String> removed = p.getOrDefault("removeMember", List.of());
        List<TeamRow> rows = new ArrayList<>();
        for (int i = 0; i < usernames.size(); i++) {
            String username = usernames.get(i).strip();
            String function = i < functions.size() ? functions.get(i).strip() : "";
            if ((username.isEmpty() && function.isEmpty()) || removed.contains(String.valueOf(i))) {
                continue;
            }
            rows.add(new TeamRow(username, function, String.valueOf(i).equals(pi)));
        }
        team = rows;
    }

    /** Per dataset {@code i}: {@code justification.i.j}, {@code removeVariable.i}, {@code addVariables.i}. */
    private void readData(MultiValueMap<String, String> p) {
        for (int i = 0; i < datasets.size(); i++) {
            DatasetRows rows = datasets.get(i);
            List<String> removed = p.getOrDefault("removeVariable." + i, List.of());
            List<VariableRow> kept = new ArrayList<>();
            for (int j = 0; j < rows.variables.size(); j++) {
                VariableRow v = rows.variables.get(j);
                v.justification = text(p, "justification." + i + "." + j, v.justification);
                if (!removed.contains(v.name)) {
                    kept.add(v);
                }
            }
            rows.variables = kept;
            rows.addVariables = text(p, "addVariables." + i, "");
        }
        periodFrom = text(p, "periodFrom", periodFrom);
        periodTo = text(p, "periodTo", periodTo);
        minAge = text(p, "minAge", minAge);
        maxAge = text(p, "maxAge", maxAge);
        sexes = enums(p, "sexes", Sex.class);
        regionCodes = text(p, "regionCodes", regionCodes);
        dataFormat = text(p, "dataFormat", dataFormat);
        dataForm = text(p, "dataForm", dataForm);
        dataFormJustification = text(p, "dataFormJustification", dataFormJustification);
    }

    /** The form, or empty with {@link #unreadable()} saying which fields could not be read. */
    public Optional<ApplicationForm> toForm() {
        unreadable.clear();
        LocalDate from = date("periodFrom", periodFrom);
        LocalDate to = date("periodTo", periodTo);
        Integer min = number("minAge", minAge);
        Integer max = number("maxAge", maxAge);
        Integer months = number("processingMonths", processingMonths);
        PermitScope.Population population = PermitScope.Population.EVERYONE;
        try {
            population = new PermitScope.Population(Optional.ofNullable(min), Optional.ofNullable(max), sexes,
                    new LinkedHashSet<>(Arrays.stream(regionCodes.split("[,;\\s]+")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList()), codeLists);
        } catch (IllegalArgumentException e) {
            unreadable.put("maxAge", "applications.form.age_range");
        }
        List<RequestedDataset> requested = new ArrayList<>();
        for (DatasetRows rows : datasets) {
            List<RequestedVariable> variables = new ArrayList<>();
            rows.variables.forEach(v -> variables.add(new RequestedVariable(v.name, v.justification)));
            for (String name : rows.addVariables.split("[,;\\s]+")) {
                if (name.isBlank()) {
                    continue;
                }
                if (!VARIABLE.matcher(name.strip()).matches()) {
                    unreadable.put("addVariables", "applications.form.invalid_variable");
                } else if (variables.stream().noneMatch(v -> v.name().equals(name.strip()))) {
                    variables.add(new RequestedVariable(name.strip(), null));
                }
            }
            requested.add(new RequestedDataset(DatasetId.parse(rows.datasetId), rows.identifier, variables));
        }
        DataForm form = parse(DataForm.class, dataForm);
        LegalBasis basis = parse(LegalBasis.class, legalBasis);
        List<TeamMember> members = team.stream().map(r -> new TeamMember(r.username, r.function, r.pi)).toList();
        if (!unreadable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApplicationForm(title, summary, purposes, applicantFunctions, members, intendedUse,
                expectedBenefit, requested, from, to, population, dataFormat, form, dataFormJustification,
                broughtData, safeguards, months, processingJustification, tools, ethicsAssessment, optOutException,
                optOutExceptionJustification, basis, legalBasisDescription, requestedStatistics, noProhibitedUse));
    }

    /** Fields that could not be read, by field name → message key. */
    public Map<String, String> unreadable() {
        return unreadable;
    }

    /** The team's rows and one empty row to add a person. */
    public List<TeamRow> teamRowsWithBlank() {
        List<TeamRow> rows = new ArrayList<>(team);
        rows.add(new TeamRow("", "", team.isEmpty()));
        return rows;
    }

    private LocalDate date(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            unreadable.put(field, "applications.form.invalid_date");
            return null;
        }
    }

    private Integer number(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{1,4}")) {
            unreadable.put(field, "applications.form.invalid_number");
            return null;
        }
        return Integer.valueOf(value.strip());
    }
}
