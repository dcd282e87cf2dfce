package eu.guichet.transparency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationReceived;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.ApplicationStatusChanged;
import eu.guichet.access.DataForm;
import eu.guichet.access.DecisionIssued;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.PermitGranted;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitScope;
import eu.guichet.access.Purpose;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;

/**
 * The access module's events as the register receives them, for tests: publish them inside a transaction (the
 * register's listeners run after it commits).
 */
public final class RegisterEvents {

    public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private RegisterEvents() {
    }

    /** An application received at {@code at}, granted 30 days later with a two-year permit naming {@code member}. */
    public static void receivedAndGranted(ApplicationEventPublisher events, ApplicationId application,
            PermitId permit, OrganisationId organisation, DatasetId dataset, UserId member, Instant at) {
        events.publishEvent(new ApplicationReceived(application, ApplicationKind.DATA_ACCESS, organisation,
                "Matrix study of care pathways", Set.of(Purpose.SCIENTIFIC_RESEARCH), List.of(dataset), at));
        Instant decided = at.plus(Duration.ofDays(30));
        events.publishEvent(new ApplicationStatusChanged(application, ApplicationStatus.DECISION_ISSUED, decided));
        events.publishEvent(new DecisionIssued(application, DecisionOutcome.GRANTED,
                "Necessary and proportionate for the stated purpose.", Optional.of(permit), SHA256, decided));
        events.publishEvent(new PermitGranted(permit, 1, application, scope(dataset, decided), Set.of(member),
                decided.plus(Duration.ofDays(730)), decided));
    }

    /** A pseudonymised scope of one dataset with two variables. */
    public static PermitScope scope(DatasetId dataset, Instant grantedAt) {
        return new PermitScope(List.of(new PermitScope.ScopedDataset(dataset, "FR-TEST",
                List.of("IR_BEN_R.BEN_NAI_ANN", "IR_BEN_R.BEN_SEX_COD"), grantedAt)), PermitScope.Period.OPEN,
                PermitScope.Population.EVERYONE, DataForm.PSEUDONYMISED, Optional.empty(), Optional.empty());
    }
}
