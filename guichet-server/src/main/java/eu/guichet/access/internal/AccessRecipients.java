package eu.guichet.access.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.Permit;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.UserAccount;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/**
 * Who is told about what happens to an application, a permit or a holder request: enabled accounts only, each once.
 * HDAB staff are never told about an application of their own organisation (they may not act on it).
 */
@Component
public class AccessRecipients {

    private final IdentityManagement identity;

    AccessRecipients(IdentityManagement identity) {
        this.identity = identity;
    }

    /** The applicant and the members of the team (principal investigator first) who have an account. */
    public Set<UserId> applicantSide(Application a) {
        Set<UserId> to = new LinkedHashSet<>();
        to.add(a.owner());
        a.form().team().stream().sorted((x, y) -> Boolean.compare(y.principalInvestigator(), x.principalInvestigator()))
                .map(ApplicationForm.TeamMember::username).filter(u -> u != null && !u.isBlank())
                .map(identity::findUserByUsername).flatMap(Optional::stream).filter(UserAccount::enabled)
                .map(UserAccount::id).forEach(to::add);
        return to;
    }

    /** The applicant and the persons the permit authorises. */
    public Set<UserId> permitSide(Permit p, Application a) {
        Set<UserId> to = new LinkedHashSet<>();
        to.add(a.owner());
        to.addAll(p.terms().memberIds());
        return enabled(to);
    }

    /** The reviewers who may act on the application: the one who accepted it if any, else all of them. */
    public Set<UserId> reviewers(Application a) {
        if (a.acceptedBy().isPresent()) {
            return enabled(Set.of(a.acceptedBy().get()));
        }
        return staff(Role.HDAB_REVIEWER, a, u -> true);
    }

    /** The deciders who may decide the application (never the reviewer who assessed it). */
    public Set<UserId> deciders(Application a) {
        return staff(Role.HDAB_DECIDER, a, u -> a.acceptedBy().map(r -> !r.equals(u.id())).orElse(true));
    }

    /** The analysts who may prepare the application's statistical answer. */
    public Set<UserId> analysts(Application a) {
        return staff(Role.HDAB_ANALYST, a, u -> true);
    }

    /** The data holder's users of {@code organisation}. */
    public Set<UserId> holderUsers(OrganisationId organisation) {
        return ids(identity.listUsers(Optional.of(organisation)), u -> u.roles().contains(Role.DATA_HOLDER));
    }

    private Set<UserId> staff(Role role, Application a, Predicate<UserAccount> also) {
        return ids(identity.listUsers(Optional.empty()), u -> u.roles().contains(role)
                && !u.id().equals(a.owner()) && !u.organisationId().map(a.organisation()::equals).orElse(false)
                && also.test(u));
    }

    private Set<UserId> enabled(Set<UserId> users) {
        Set<UserId> to = new LinkedHashSet<>();
        for (UserId u : users) {
            identity.findUser(u).filter(UserAccount::enabled).ifPresent(x -> to.add(x.id()));
        }
        return to;
    }

    private static Set<UserId> ids(List<UserAccount> users, Predicate<UserAccount> keep) {
        Set<UserId> to = new LinkedHashSet<>();
        users.stream().filter(UserAccount::enabled).filter(keep).map(UserAccount::id).forEach(to::add);
        return to;
    }
}
