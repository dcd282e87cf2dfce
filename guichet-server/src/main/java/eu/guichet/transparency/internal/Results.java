package eu.guichet.transparency.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.PermitId;
import eu.guichet.security.UserId;
import eu.guichet.transparency.ResultPublication;

/** SQL for results (EHDS Art. 61), the permit members who declare them, and the reminders sent about them. */
@Repository
class Results {

    /** A permit whose results fall due soon or are overdue, with nothing declared yet. */
    record Due(PermitId permitId, java.util.UUID applicationId, String title, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    Results(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ResultPublication> listFor(PermitId permit) {
        return jdbc.sql("select * from register_result where permit_id = ? order by published_on, declared_at")
                .param(permit.value())
                .query((rs, n) -> new ResultPublication(rs.getObject("id", UUID.class), permit,
                        rs.getString("title"), rs.getString("reference"),
                        rs.getDate("published_on").toLocalDate(), rs.getTimestamp("declared_at").toInstant()))
                .list();
    }

    void insert(ResultPublication r, UserId declaredBy) {
        jdbc.sql("""
                insert into register_result (id, permit_id, title, reference, published_on, declared_by, declared_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(r.id(), r.permitId().value(), r.title(), r.reference(), Date.valueOf(r.publishedOn()),
                declaredBy.value(), Timestamp.from(r.declaredAt())).update();
    }

    Set<UserId> members(PermitId permit) {
        return jdbc.sql("select user_id from register_permit_member where permit_id = ?").param(permit.value())
                .query(UUID.class).list().stream().map(UserId::new).collect(Collectors.toSet());
    }

    /**
     * Permits without any declared result whose results fall due before {@code horizon}: 18 months after the end of
     * processing, or after the planned end while the permit runs (as {@link ResultsDue} counts, in {@code zone}).
     */
    List<Due> dueBefore(Instant horizon, java.time.ZoneId zone) {
        return jdbc.sql("""
                select * from (
                    select p.permit_id, p.application_id, e.title,
                           ((coalesce(p.ended_at, p.extended_until, p.planned_until) at time zone :zone)
                            + interval '18 months') at time zone :zone as due_at
                    from register_permit p join register_entry e on e.application_id = p.application_id
                    where not exists (select 1 from register_result r where r.permit_id = p.permit_id)) due
                where due_at <= :horizon
                order by due_at
                """).param("zone", zone.getId()).param("horizon", Timestamp.from(horizon))
                .query((rs, n) -> new Due(new PermitId(rs.getObject("permit_id", UUID.class)),
                        rs.getObject("application_id", UUID.class), rs.getString("title"),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    /** Records a reminder; false if this one was already sent. */
    boolean recordReminder(PermitId permit, String stage, Instant dueAt, Instant now) {
        return jdbc.sql("""
                insert into register_result_reminder (permit_id, stage, due_at, sent_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(permit.value(), stage, Timestamp.from(dueAt), Timestamp.from(now)).update() > 0;
    }
}
