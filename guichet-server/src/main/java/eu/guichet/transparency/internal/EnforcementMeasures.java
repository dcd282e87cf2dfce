package eu.guichet.transparency.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.PermitId;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;
import eu.guichet.transparency.EnforcementMeasure;
import eu.guichet.transparency.EnforcementMeasureKind;

/** SQL for enforcement measures. */
@Repository
class EnforcementMeasures {

    private final JdbcClient jdbc;

    EnforcementMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EnforcementMeasure m, UserId recordedBy) {
        jdbc.sql("""
                insert into register_enforcement_measure (id, organisation_id, organisation, permit_id, kind,
                                                          description, decided_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(m.id(), m.organisationId().value(), m.organisation(),
                m.permitId().map(PermitId::value).orElse(null), m.kind().name(), m.description(),
                Date.valueOf(m.decidedOn()), recordedBy.value(), Timestamp.from(m.recordedAt())).update();
    }

    /** Newest decision first; only those about {@code permit} when given. */
    List<EnforcementMeasure> list(Optional<PermitId> permit) {
        return jdbc.sql("""
                select * from register_enforcement_measure
                where cast(? as uuid) is null or permit_id = ?
                order by decided_on desc, recorded_at desc
                """).params(permit.map(PermitId::value).orElse(null), permit.map(PermitId::value).orElse(null))
                .query((rs, n) -> new EnforcementMeasure(rs.getObject("id", UUID.class),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation"),
                        Optional.ofNullable(rs.getObject("permit_id", UUID.class)).map(PermitId::new),
                        EnforcementMeasureKind.valueOf(rs.getString("kind")), rs.getString("description"),
                        rs.getDate("decided_on").toLocalDate(), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }
}
