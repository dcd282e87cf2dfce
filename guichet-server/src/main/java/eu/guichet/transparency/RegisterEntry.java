package eu.guichet.transparency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Purpose;
import eu.guichet.security.OrganisationId;

/**
 * One application or data request in the public register (EHDS Art. 57): published on receipt, then its status, the
 * decision with its justification once published, and the permit. Names organisations, never persons.
 */
public record RegisterEntry(ApplicationId applicationId, ApplicationKind kind, OrganisationId organisationId,
        String organisation, String title, Set<Purpose> purposes, List<RegisterDataset> datasets, Instant receivedAt,
        ApplicationStatus status, Instant statusChangedAt, Optional<RegisterDecision> decision,
        Optional<RegisterPermit> permit) {

    /** The purposes' letters in EHDS Art. 53(1), {@code a} to {@code f}, in order. */
    @JsonProperty("purposeLetters")
    public List<String> purposeLetters() {
        return purposes.stream().map(Purpose::letter).sorted().toList();
    }
}
