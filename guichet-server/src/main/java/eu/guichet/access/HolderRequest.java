package eu.guichet.access;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.OrganisationId;

/**
 * What the HDAB asks one data holder about one application: a consultation before the decision (its cost estimate
 * and whether delivery is feasible), or, once the permit is granted, the data (EHDS Art. 60) — each with its status
 * and, for data, its own statutory clock: HOLDER_DELIVERY (3 months, extendable once by 3) until the data is received,
 * then PROVISION (the HDAB's 2 months to make it available, Art. 68(7)).
 */
public record HolderRequest(UUID id, ApplicationId applicationId, Optional<PermitId> permitId,
        OrganisationId holder, Kind kind, Status status, List<DatasetId> datasets, Instant requestedAt,
        Optional<StatutoryClock> clock, Optional<BigDecimal> costEstimate, Optional<String> feasibility,
        Optional<Instant> answeredAt, Optional<Instant> deliveredAt) {

    public HolderRequest {
        datasets = List.copyOf(datasets);
    }

    HolderRequest answered(BigDecimal cost, String answer, Instant at) {
        return new HolderRequest(id, applicationId, permitId, holder, kind, Status.ANSWERED, datasets, requestedAt,
                clock, Optional.of(cost), Optional.ofNullable(answer), Optional.of(at), deliveredAt);
    }

    HolderRequest withClock(StatutoryClock newClock) {
        return new HolderRequest(id, applicationId, permitId, holder, kind, status, datasets, requestedAt,
                Optional.ofNullable(newClock), costEstimate, feasibility, answeredAt, deliveredAt);
    }

    HolderRequest delivered(Instant at, StatutoryClock provision) {
        return new HolderRequest(id, applicationId, permitId, holder, kind, Status.DELIVERED, datasets, requestedAt,
                Optional.of(provision), costEstimate, feasibility, answeredAt, Optional.of(at));
    }

    HolderRequest cancelled() {
        return new HolderRequest(id, applicationId, permitId, holder, kind, Status.CANCELLED, datasets, requestedAt,
                Optional.empty(), costEstimate, feasibility, answeredAt, deliveredAt);
    }

    public enum Kind {
        /** Before the decision: the holder's cost estimate and delivery feasibility. */
        CONSULTATION,
        /** After the grant: the data itself. */
        DATA
    }

    public enum Status {
        /** Waiting for the holder. */
        REQUESTED,
        /** The holder answered the consultation. */
        ANSWERED,
        /** The HDAB received the data. */
        DELIVERED,
        /** No longer needed: the application closed or the permit was revoked. */
        CANCELLED
    }
}
