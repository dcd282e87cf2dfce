package eu.guichet.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;

/**
 * An application or a data request as it stands.
 *
 * @param findings   the last screening's findings (empty before the first submission)
 * @param revision   increases at every save; a save names the revision it edits (no lost update)
 * @param returned   it was returned once as incomplete (Art. 68(4): once only)
 * @param acceptedBy the reviewer who accepted it as complete and assesses it
 * @param clock      the statutory clock that runs now: completion while incomplete, then the decision
 */
public record Application(ApplicationId id, ApplicationKind kind, ApplicationStatus status, UserId owner,
        OrganisationId organisation, ApplicationForm form, List<ScreeningFinding> findings, int revision,
        boolean returned, Optional<UserId> acceptedBy, Optional<Assessment> assessment,
        Optional<StatutoryClock> clock, Instant createdAt, Instant updatedAt, Optional<Instant> submittedAt,
        Optional<Instant> closedAt) {

    public Application {
        findings = List.copyOf(findings);
    }

    Application moved(ApplicationStatus to, Instant at) {
        return new Application(id, kind, to, owner, organisation, form, findings, revision, returned, acceptedBy,
                assessment, clock, createdAt, at, submittedAt.or(() -> Optional.of(at).filter(x -> to ==
                        ApplicationStatus.SUBMITTED)), to.isClosed() ? Optional.of(at) : closedAt);
    }

    Application withFindings(List<ScreeningFinding> newFindings) {
        return new Application(id, kind, status, owner, organisation, form, newFindings, revision, returned,
                acceptedBy, assessment, clock, createdAt, updatedAt, submittedAt, closedAt);
    }

    Application withClock(Optional<StatutoryClock> newClock) {
        return new Application(id, kind, status, owner, organisation, form, findings, revision, returned, acceptedBy,
                assessment, newClock, createdAt, updatedAt, submittedAt, closedAt);
    }

    Application markedReturned() {
        return new Application(id, kind, status, owner, organisation, form, findings, revision, true, acceptedBy,
                assessment, clock, createdAt, updatedAt, submittedAt, closedAt);
    }

    Application acceptedBy(UserId reviewer) {
        return new Application(id, kind, status, owner, organisation, form, findings, revision, returned,
                Optional.of(reviewer), assessment, clock, createdAt, updatedAt, submittedAt, closedAt);
    }

    Application withAssessment(Assessment newAssessment) {
        return new Application(id, kind, status, owner, organisation, form, findings, revision, returned, acceptedBy,
                Optional.of(newAssessment), clock, createdAt, updatedAt, submittedAt, closedAt);
    }

    public boolean isOwnedBy(UserId user) {
        return owner.equals(user);
    }

    /** The clock of the decision (or of the data request's assessment), if it runs. */
    public Optional<StatutoryClock> decisionClock() {
        return clock.filter(c -> c.period() != StatutoryPeriod.COMPLETION);
    }
}
