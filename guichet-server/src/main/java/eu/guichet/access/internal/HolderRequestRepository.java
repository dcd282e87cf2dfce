package eu.guichet.access.internal;

import static eu.guichet.access.internal.ApplicationRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.HolderRequest;
import eu.guichet.access.PermitId;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;

/** SQL for the requests made to data holders. */
@Repository
public class HolderRequestRepository {

    private static final String COLUMNS = """
            id, application_id, permit_id, holder_id, kind, status, datasets, requested_at, clock_period,
            clock_started_at, clock_extension, clock_extended_at, cost_estimate, feasibility, answered_at, delivered_at""";

    private final JdbcClient jdbc;
    private final StatutoryClocks clocks;

    HolderRequestRepository(JdbcClient jdbc, StatutoryClocks clocks) {
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    /** Inserts the request unless the holder already has one of this kind for the application; returns whether. */
    public boolean insertIfAbsent(HolderRequest r) {
        return jdbc.sql("""
                insert into holder_request (id, application_id, permit_id, holder_id, kind, status, datasets,
                                            requested_at, clock_period, clock_started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id, holder_id, kind) do nothing
                """)
                .params(r.id(), r.applicationId().value(), r.permitId().map(PermitId::value).orElse(null),
                        r.holder().value(), r.kind().name(), r.status().name(),
                        r.datasets().stream().map(DatasetId::value).toArray(UUID[]::new), ts(r.requestedAt()),
                        r.clock().map(c -> c.period().name()).orElse(null),
                        r.clock().map(c -> ts(c.startedAt())).orElse(null))
                .update() == 1;
    }

    public void update(HolderRequest r, Optional<UserId> answeredBy) {
        Object[] clock = ClockColumns.values(r.clock());
        jdbc.sql("""
                update holder_request set status = ?, clock_period = ?, clock_started_at = ?, clock_extension = ?,
                       clock_extended_at = ?, cost_estimate = ?, feasibility = ?, answered_by = coalesce(?, answered_by),
                       answered_at = ?, delivered_at = ?
                 where id = ?
                """)
                .params(r.status().name(), clock[0], clock[1], clock[2], clock[3],
                        r.costEstimate().orElse(null), r.feasibility().orElse(null),
                        answeredBy.map(UserId::value).orElse(null), r.answeredAt().map(ApplicationRepository::ts)
                                .orElse(null),
                        r.deliveredAt().map(ApplicationRepository::ts).orElse(null), r.id())
                .update();
    }

    public Optional<HolderRequest> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from holder_request where id = ? for update").param(id)
                .query(this::map).optional();
    }

    public List<HolderRequest> ofApplication(ApplicationId id) {
        return jdbc.sql("select " + COLUMNS + " from holder_request where application_id = ? order by requested_at, id")
                .param(id.value()).query(this::map).list();
    }

    public List<HolderRequest> ofPermit(PermitId id) {
        return jdbc.sql("select " + COLUMNS + " from holder_request where permit_id = ? order by requested_at, id")
                .param(id.value()).query(this::map).list();
    }

    public List<HolderRequest> ofHolder(OrganisationId holder) {
        return jdbc.sql("select " + COLUMNS + " from holder_request where holder_id = ? order by requested_at desc")
                .param(holder.value()).query(this::map).list();
    }

    public List<HolderRequest> open() {
        return jdbc.sql("select " + COLUMNS + " from holder_request where status in ('REQUESTED', 'DELIVERED') "
                + "order by requested_at").query(this::map).list();
    }

    /** Open data requests whose datasets include this one. */
    public List<HolderRequest> awaitingData(DatasetId dataset) {
        return jdbc.sql("select " + COLUMNS + " from holder_request where kind = 'DATA' and status = 'REQUESTED' "
                + "and ? = any(datasets)").param(dataset.value()).query(this::map).list();
    }

    private HolderRequest map(ResultSet rs, int row) throws SQLException {
        UUID[] datasets = (UUID[]) rs.getArray("datasets").getArray();
        return new HolderRequest(rs.getObject("id", UUID.class), new ApplicationId(rs.getObject("application_id",
                UUID.class)), Optional.ofNullable(rs.getObject("permit_id", UUID.class)).map(PermitId::new),
                new OrganisationId(rs.getObject("holder_id", UUID.class)),
                HolderRequest.Kind.valueOf(rs.getString("kind")), HolderRequest.Status.valueOf(rs.getString("status")),
                Arrays.stream(datasets).map(DatasetId::new).toList(), rs.getTimestamp("requested_at").toInstant(),
                ClockColumns.read(rs, clocks, List.of()), Optional.ofNullable(rs.getBigDecimal("cost_estimate")),
                Optional.ofNullable(rs.getString("feasibility")),
                Optional.ofNullable(rs.getTimestamp("answered_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("delivered_at")).map(Timestamp::toInstant));
    }
}
