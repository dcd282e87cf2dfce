package eu.guichet.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import eu.guichet.access.ApplicationForm.RequestedDataset;
import eu.guichet.access.ApplicationForm.RequestedVariable;
import eu.guichet.access.ApplicationForm.TeamMember;
import eu.guichet.catalogue.DatasetId;
import tools.jackson.databind.json.JsonMapper;

/** Test data builder for application forms: {@code aCompleteForm().forDataset(id, "CLAIMS").build()}. */
public final class ApplicationForms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String title = "Outcomes of type 2 diabetes care";
    private Set<Purpose> purposes = Set.of(Purpose.SCIENTIFIC_RESEARCH);
    private String intendedUse = "Compare glycaemic control pathways across regions.";
    private List<TeamMember> team = List.of(new TeamMember("alice", "Principal investigator", true));
    private List<RequestedDataset> datasets = List.of();
    private DataForm form = DataForm.PSEUDONYMISED;
    private boolean complete = true;

    private ApplicationForms() {
    }

    public static ApplicationForms aCompleteForm() {
        return new ApplicationForms();
    }

    /** Only a title and the datasets: what a first draft often looks like. */
    public static ApplicationForms anIncompleteForm() {
        ApplicationForms f = new ApplicationForms();
        f.complete = false;
        return f;
    }

    public ApplicationForms forDataset(DatasetId id, String identifier, String... variables) {
        datasets = List.of(new RequestedDataset(id, identifier, java.util.Arrays.stream(variables)
                .map(v -> new RequestedVariable(v, "Needed to measure " + v.toLowerCase())).toList()));
        return this;
    }

    public ApplicationForms withPurposes(Purpose... p) {
        purposes = Set.of(p);
        return this;
    }

    public ApplicationForms withIntendedUse(String use) {
        intendedUse = use;
        return this;
    }

    public ApplicationForms anonymised() {
        form = DataForm.ANONYMISED;
        return this;
    }

    public ApplicationForms withTeam(TeamMember... members) {
        team = List.of(members);
        return this;
    }

    public ApplicationForm build() {
        if (!complete) {
            return new ApplicationForm(title, null, Set.of(), null, List.of(), null, null, datasets, null, null,
                    null, null, null, null, null, null, null, null, null, null, false, null, null, null, null, false);
        }
        return new ApplicationForm(title, "A lay summary of the project.", purposes,
                "Epidemiologist, university hospital", team, intendedUse, "Better regional care pathways.",
                datasets, LocalDate.of(2019, 1, 1), LocalDate.of(2024, 12, 31),
                new PermitScope.Population(Optional.of(18), Optional.empty(), Set.of(), Set.of("75", "93"),
                        List.of()),
                "Tables in the secure processing environment", form,
                form == DataForm.PSEUDONYMISED ? "Follow-up of the same persons over years needs linkage." : null,
                "None", "Trained team, no attempt at re-identification, outputs checked.", 36,
                "Five years of follow-up plus analysis.", "SQL, R", "CESREES opinion 2026-123 of 2026-10-01",
                false, null, form == DataForm.PSEUDONYMISED ? ApplicationForm.LegalBasis.PUBLIC_INTEREST : null,
                form == DataForm.PSEUDONYMISED ? "Task in the public interest of the university (GDPR 6(1)(e))."
                        : null,
                null, true);
    }

    public String json() {
        return JSON.writeValueAsString(build());
    }
}
