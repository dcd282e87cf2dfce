package eu.guichet.workspace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.security.UserId;
import eu.guichet.workspace.Job;
import eu.guichet.workspace.QueryLogEntry;
import eu.guichet.workspace.SavedQuery;
import eu.guichet.workspace.WorkspaceId;

/** SQL for what the console keeps: saved queries, the query log (never a value), jobs, preview budget lifts. */
@Repository
public class ConsoleRepository {

    private final JdbcClient jdbc;

    ConsoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- saved queries -----------------------------------------------------------------------------------------

    public void insertSaved(SavedQuery q) {
        jdbc.sql("""
                insert into workspace_saved_query (id, workspace_id, name, sql_text, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(q.id(), q.workspaceId().value(), q.name(), q.sql(), q.createdBy().value(), ts(q.createdAt()),
                        ts(q.updatedAt())).update();
    }

    public void updateSaved(UUID id, String name, String sql, Instant at) {
        jdbc.sql("update workspace_saved_query set name = ?, sql_text = ?, updated_at = ? where id = ?")
                .params(name, sql, ts(at), id).update();
    }

    public void deleteSaved(UUID id) {
        jdbc.sql("delete from workspace_saved_query where id = ?").param(id).update();
    }

    public Optional<SavedQuery> findSaved(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from workspace_saved_query where workspace_id = ? and id = ?")
                .params(workspace.value(), id).query(ConsoleRepository::saved).optional();
    }

    public List<SavedQuery> saved(WorkspaceId workspace) {
        return jdbc.sql("select * from workspace_saved_query where workspace_id = ? order by name, created_at")
                .param(workspace.value()).query(ConsoleRepository::saved).list();
    }

    private static SavedQuery saved(ResultSet rs, int n) throws SQLException {
        return new SavedQuery(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("name"), rs.getString("sql_text"), new UserId(rs.getObject("created_by", UUID.class)),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    // --- query log ---------------------------------------------------------------------------------------------

    public void log(WorkspaceId workspace, QueryLogEntry e) {
        jdbc.sql("""
                insert into workspace_query_log (id, workspace_id, user_id, kind, started_at, duration_ms, sql_text,
                                                 total_rows, previewed, outcome)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.id(), workspace.value(), e.user().map(UserId::value).orElse(null), e.kind(),
                        ts(e.startedAt()), e.durationMs(), e.sql(), e.totalRows(), e.previewed(), e.outcome())
                .update();
    }

    public List<QueryLogEntry> history(WorkspaceId workspace, int limit) {
        return jdbc.sql("""
                select id, user_id, kind, started_at, duration_ms, sql_text, total_rows, previewed, outcome
                  from workspace_query_log where workspace_id = ? order by started_at desc, id limit ?""")
                .params(workspace.value(), limit).query((rs, n) -> new QueryLogEntry(rs.getObject(1, UUID.class),
                        Optional.ofNullable(rs.getObject(2, UUID.class)).map(UserId::new), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getInt(8),
                        rs.getString(9)))
                .list();
    }

    /** Preview rows the user received since {@code since}, after their latest budget lift. */
    public long previewedSince(UserId user, Instant since) {
        return jdbc.sql("""
                select coalesce(sum(previewed), 0) from workspace_query_log
                 where user_id = ? and started_at >= greatest(?::timestamptz,
                       coalesce((select max(lifted_at) from workspace_budget_lift where user_id = ?), ?::timestamptz))""")
                .params(user.value(), ts(since), user.value(), ts(since)).query(Long.class).single();
    }

    public void lift(UserId user, UserId by, Instant at) {
        jdbc.sql("insert into workspace_budget_lift (user_id, lifted_at, lifted_by) values (?, ?, ?)")
                .params(user.value(), ts(at), by.value()).update();
    }

    // --- jobs ----------------------------------------------------------------------------------------------------

    public void insertJob(Job job, String script) {
        jdbc.sql("""
                insert into workspace_job (id, workspace_id, submitted_by, status, statements, done, script, started_at)
                values (?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(job.id(), job.workspaceId().value(), job.submittedBy().value(), job.status(),
                        job.statements(), script, ts(job.startedAt())).update();
    }

    public void progress(UUID job, int done) {
        jdbc.sql("update workspace_job set done = ? where id = ?").params(done, job).update();
    }

    public void finish(UUID job, String status, Optional<String> problem, Instant at) {
        jdbc.sql("update workspace_job set status = ?, problem = ?, finished_at = ? where id = ? and status = 'RUNNING'")
                .params(status, problem.orElse(null), ts(at), job).update();
    }

    public Optional<Job> findJob(WorkspaceId workspace, UUID id) {
        return jdbc.sql("""
                select id, workspace_id, submitted_by, status, statements, done, problem, started_at, finished_at
                  from workspace_job where workspace_id = ? and id = ?""")
                .params(workspace.value(), id).query((rs, n) -> new Job(rs.getObject(1, UUID.class),
                        new WorkspaceId(rs.getObject(2, UUID.class)), new UserId(rs.getObject(3, UUID.class)),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), Optional.ofNullable(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(9)).map(Timestamp::toInstant)))
                .optional();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
