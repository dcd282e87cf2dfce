package eu.guichet.workspace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.PermitId;
import eu.guichet.security.UserId;
import eu.guichet.workspace.Workspace;
import eu.guichet.workspace.WorkspaceId;
import eu.guichet.workspace.WorkspaceStatus;

/** SQL for workspaces and their members. */
@Repository
public class WorkspaceRepository {

    private static final String COLUMNS = """
            id, permit_id, status, valid_until, extract_version, extract_id, created_at, updated_at, locked_at,
            lock_reason, permit_version, extract_path
            """;

    private final JdbcClient jdbc;

    WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The permit's workspace, created PENDING if it has none yet, locked for the rest of the transaction. */
    public Row lockOrCreate(PermitId permit, Instant now) {
        jdbc.sql("""
                insert into workspace (id, permit_id, status, created_at, updated_at) values (?, ?, 'PENDING', ?, ?)
                on conflict (permit_id) do nothing""")
                .params(UUID.randomUUID(), permit.value(), ts(now), ts(now)).update();
        return jdbc.sql("select " + COLUMNS + " from workspace where permit_id = ? for update").param(permit.value())
                .query(this::map).single();
    }

    public Optional<Row> find(WorkspaceId id) {
        return jdbc.sql("select " + COLUMNS + " from workspace where id = ?").param(id.value()).query(this::map)
                .optional();
    }

    public Optional<Row> findByPermit(PermitId permit) {
        return jdbc.sql("select " + COLUMNS + " from workspace where permit_id = ?").param(permit.value())
                .query(this::map).optional();
    }

    public Optional<Row> findForUpdate(WorkspaceId id) {
        return jdbc.sql("select " + COLUMNS + " from workspace where id = ? for update").param(id.value())
                .query(this::map).optional();
    }

    /** Workspaces naming the user, newest first, deleted ones left out. */
    public List<Row> naming(UserId user) {
        return jdbc.sql("select " + COLUMNS.replaceAll("(?m)(\\w+)", "w.$1") + """
                 from workspace w join workspace_member m on m.workspace_id = w.id
                where m.user_id = ? and w.status <> 'DELETED' order by w.created_at desc""")
                .param(user.value()).query(this::map).list();
    }

    /** Locked workspaces locked before the instant, oldest first. */
    public List<WorkspaceId> lockedBefore(Instant instant) {
        return jdbc.sql("select id from workspace where status = 'LOCKED' and locked_at < ? order by locked_at")
                .param(ts(instant)).query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    public void replaceMembers(WorkspaceId id, int permitVersion, Set<UserId> members, Instant now) {
        jdbc.sql("delete from workspace_member where workspace_id = ?").param(id.value()).update();
        for (UserId user : members) {
            jdbc.sql("insert into workspace_member (workspace_id, user_id) values (?, ?)")
                    .params(id.value(), user.value()).update();
        }
        jdbc.sql("update workspace set permit_version = ?, updated_at = ? where id = ?")
                .params(permitVersion, ts(now), id.value()).update();
    }

    public void setValidUntil(WorkspaceId id, Instant validUntil, Instant now) {
        jdbc.sql("update workspace set valid_until = ?, updated_at = ? where id = ?")
                .params(ts(validUntil), ts(now), id.value()).update();
    }

    public void setExtract(WorkspaceId id, int version, String extractId, String path, Instant now) {
        jdbc.sql("update workspace set extract_version = ?, extract_id = ?, extract_path = ?, updated_at = ? where id = ?")
                .params(version, extractId, path, ts(now), id.value()).update();
    }

    public void setStatus(WorkspaceId id, WorkspaceStatus status, Optional<String> lockReason, Instant now) {
        jdbc.sql("""
                update workspace set status = ?, updated_at = ?,
                       locked_at = case when ? = 'LOCKED' then ?::timestamptz else locked_at end,
                       lock_reason = case when ? = 'LOCKED' then ?::varchar else lock_reason end,
                       deleted_at = case when ? = 'DELETED' then ?::timestamptz else deleted_at end
                 where id = ?""")
                .params(status.name(), ts(now), status.name(), ts(now), status.name(), lockReason.orElse(null),
                        status.name(), ts(now), id.value()).update();
    }

    /** A workspace row: the public view plus what only the module needs (the extract's path). */
    public record Row(Workspace workspace, int permitVersion, Optional<String> extractPath) {
        public WorkspaceId id() {
            return workspace.id();
        }

        public WorkspaceStatus status() {
            return workspace.status();
        }
    }

    private Row map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Set<UserId> members = jdbc.sql("select user_id from workspace_member where workspace_id = ?").param(id)
                .query((r, i) -> new UserId(r.getObject(1, UUID.class))).list().stream().collect(Collectors.toSet());
        Workspace w = new Workspace(new WorkspaceId(id), new PermitId(rs.getObject(2, UUID.class)),
                WorkspaceStatus.valueOf(rs.getString(3)), members, instant(rs, 4), rs.getInt(5),
                Optional.ofNullable(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                instant(rs, 9), Optional.ofNullable(rs.getString(10)));
        return new Row(w, rs.getInt(11), Optional.ofNullable(rs.getString(12)));
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
