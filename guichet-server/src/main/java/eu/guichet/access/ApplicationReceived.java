package eu.guichet.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.OrganisationId;

/**
 * An application or a data request was submitted for the first time (the transparency register publishes it "without
 * undue delay after reception", EHDS Art. 57). Carries only what the register shows: never personal data of citizens.
 */
public record ApplicationReceived(ApplicationId applicationId, ApplicationKind kind,
        OrganisationId applicantOrganisation, String title, Set<Purpose> purposes, List<DatasetId> datasets,
        Instant receivedAt) {
}
