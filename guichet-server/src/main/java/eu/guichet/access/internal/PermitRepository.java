package eu.guichet.access.internal;

import static eu.guichet.access.internal.ApplicationRepository.JSON;
import static eu.guichet.access.internal.ApplicationRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.Permit;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitStatus;
import eu.guichet.access.PermitTerms;
import eu.guichet.access.PermitVersion;
import eu.guichet.security.UserId;

/** SQL for permits and their versions; each version's terms are stored as JSON. */
@Repository
public class PermitRepository {

    private static final String SELECT = """
            select p.id, p.application_id, p.status, p.current_version, v.content, p.granted_at, p.valid_until,
                   p.extended, p.extension_requested, p.extension_months, p.revocation_reason, p.closed_at
              from permit p join permit_version v on v.permit_id = p.id and v.version = p.current_version
            """;

    private final JdbcClient jdbc;

    PermitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Permit p, UserId by) {
        jdbc.sql("""
                insert into permit (id, application_id, status, current_version, granted_at, valid_until)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(p.id().value(), p.applicationId().value(), p.status().name(), p.version(), ts(p.grantedAt()),
                        ts(p.validUntil()))
                .update();
        insertVersion(p.id(), p.version(), p.terms(), null, by, p.grantedAt());
    }

    public void insertVersion(PermitId id, int version, PermitTerms terms, String reason, UserId by, Instant at) {
        jdbc.sql("""
                insert into permit_version (permit_id, version, content, reason, created_by, created_at)
                values (?, ?, ?::jsonb, ?, ?, ?)
                """)
                .params(id.value(), version, JSON.writeValueAsString(terms), reason, by.value(), ts(at)).update();
    }

    /** Saves the permit's own fields (status, current version, validity, extension, revocation). */
    public void update(Permit p) {
        jdbc.sql("""
                update permit set status = ?, current_version = ?, valid_until = ?, extended = ?,
                       extension_requested = ?, extension_months = ?, revocation_reason = ?, closed_at = ?
                 where id = ?
                """)
                .params(p.status().name(), p.version(), ts(p.validUntil()), p.extended(),
                        p.extensionRequested().map(ApplicationRepository::ts).orElse(null),
                        p.extensionMonths().orElse(null), p.revocationReason().orElse(null),
                        p.closedAt().map(ApplicationRepository::ts).orElse(null), p.id().value())
                .update();
    }

    public Optional<Permit> find(PermitId id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id.value()).query(PermitRepository::map).optional();
    }

    public Optional<Permit> findForUpdate(PermitId id) {
        return jdbc.sql(SELECT + " where p.id = ? for update of p").param(id.value()).query(PermitRepository::map)
                .optional();
    }

    public Optional<Permit> findByApplication(ApplicationId id) {
        return jdbc.sql(SELECT + " where p.application_id = ?").param(id.value()).query(PermitRepository::map)
                .optional();
    }

    /** Permits whose current version names the user among its authorised persons. */
    public List<Permit> naming(UserId user) {
        return jdbc.sql(SELECT + " where v.content -> 'members' @> ?::jsonb order by p.granted_at desc")
                .param("[{\"userId\": \"" + user.value() + "\"}]").query(PermitRepository::map).list();
    }

    public List<Permit> all() {
        return jdbc.sql(SELECT + " order by p.granted_at desc").query(PermitRepository::map).list();
    }

    /** Active permits whose validity ended before {@code now}. */
    public List<PermitId> endedBefore(Instant now) {
        return jdbc.sql("""
                select id from permit where status in ('GRANTED', 'AMENDED', 'RENEWED') and valid_until <= ?
                """)
                .param(ts(now)).query((rs, n) -> new PermitId(rs.getObject(1, UUID.class))).list();
    }

    /** Every version, the first first. */
    public List<PermitVersion> versions(PermitId id) {
        return jdbc.sql("""
                select version, content, reason, created_by, created_at from permit_version
                 where permit_id = ? order by version
                """)
                .param(id.value())
                .query((rs, n) -> new PermitVersion(rs.getInt(1), JSON.readValue(rs.getString(2), PermitTerms.class),
                        Optional.ofNullable(rs.getString(3)), new UserId(rs.getObject(4, UUID.class)),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static Permit map(ResultSet rs, int row) throws SQLException {
        return new Permit(new PermitId(rs.getObject(1, UUID.class)), new ApplicationId(rs.getObject(2, UUID.class)),
                PermitStatus.valueOf(rs.getString(3)), rs.getInt(4), JSON.readValue(rs.getString(5),
                        PermitTerms.class),
                rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getBoolean(8),
                Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant),
                Optional.ofNullable((Integer) rs.getObject(10)), Optional.ofNullable(rs.getString(11)),
                Optional.ofNullable(rs.getTimestamp(12)).map(Timestamp::toInstant));
    }
}
