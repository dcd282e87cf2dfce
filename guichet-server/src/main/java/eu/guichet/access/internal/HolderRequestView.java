package eu.guichet.access.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.HolderRequest;
import eu.guichet.access.PermitId;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.OrganisationId;

/** A request to a data holder as the API shows it, with its running clock. */
record HolderRequestView(UUID id, ApplicationId applicationId, Optional<PermitId> permitId, OrganisationId holder,
        HolderRequest.Kind kind, HolderRequest.Status status, List<DatasetId> datasets, Instant requestedAt,
        Optional<ApplicationView.ClockView> clock, Optional<BigDecimal> costEstimate, Optional<String> feasibility,
        Optional<Instant> answeredAt, Optional<Instant> deliveredAt) {

    static HolderRequestView of(HolderRequest r, java.time.Clock now) {
        return new HolderRequestView(r.id(), r.applicationId(), r.permitId(), r.holder(), r.kind(), r.status(),
                r.datasets(), r.requestedAt(), r.clock().map(c -> ApplicationView.ClockView.of(c, now)),
                r.costEstimate(), r.feasibility(), r.answeredAt(), r.deliveredAt());
    }
}
