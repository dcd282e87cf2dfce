package eu.guichet.access;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import eu.guichet.security.UserId;

/**
 * What one version of a permit says, element by element of EHDS Art. 68(10).
 *
 * @param scope          (a) the data, machine-executable; (c) the opt-out exception is part of it
 * @param purposes       (b) the Art. 53 purposes
 * @param purposeDetail  (b) the detailed purpose
 * @param members        (d) the authorised persons, the principal investigator first
 * @param durationMonths (e) the permit's length, at most 120 months
 * @param speTools       (f) the tools and characteristics of the secure processing environment
 * @param fees           (g) the fees, as estimated and agreed
 * @param conditions     (h) the specific conditions
 */
public record PermitTerms(PermitScope scope, Set<Purpose> purposes, String purposeDetail, List<Member> members,
        int durationMonths, String speTools, String fees, String conditions) {

    public PermitTerms {
        Objects.requireNonNull(scope, "scope");
        purposes = Set.copyOf(purposes);
        members = List.copyOf(members);
        if (members.stream().filter(Member::principalInvestigator).count() != 1) {
            throw new IllegalArgumentException("a permit names exactly one principal investigator");
        }
        if (durationMonths < 1 || durationMonths > 120) {
            throw new IllegalArgumentException("a permit lasts 1 to 120 months");
        }
    }

    /** An authorised person: a user account, with their function in the project. */
    public record Member(UserId userId, String username, String function, boolean principalInvestigator) {
    }

    public Set<UserId> memberIds() {
        return members.stream().map(Member::userId).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
