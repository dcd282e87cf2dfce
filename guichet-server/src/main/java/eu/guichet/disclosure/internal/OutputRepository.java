package eu.guichet.disclosure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.PermitId;
import eu.guichet.disclosure.Output;
import eu.guichet.disclosure.OutputId;
import eu.guichet.disclosure.OutputReview;
import eu.guichet.disclosure.OutputStatus;
import eu.guichet.disclosure.ReviewDecision;
import eu.guichet.disclosure.TableSpec;
import eu.guichet.security.UserId;
import eu.guichet.workspace.WorkspaceId;

/** SQL for output requests and their reviews (never a value of the table: those stay in files). */
@Repository
public class OutputRepository {

    private static final String COLUMNS = """
            id, workspace_id, permit_id, saved_query_id, saved_query_name, description, dimensions,
            contributor_column, value_column, status, round, requested_by, requested_at, updated_at, check_error,
            cells, hidden_cells, review_cells, sha256, released_at
            """;

    private final JdbcClient jdbc;

    OutputRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Output o) {
        jdbc.sql("insert into output_request (id, workspace_id, permit_id, saved_query_id, saved_query_name, description,"
                + " dimensions, contributor_column, value_column, status, round, requested_by, requested_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(o.id().value(), o.workspaceId().value(), o.permitId().value(), o.savedQueryId(),
                        o.savedQueryName(), o.description(), String.join(",", o.table().dimensions()),
                        o.table().contributor(), o.table().value().orElse(null), o.status().name(), o.round(),
                        o.requestedBy().value(), ts(o.requestedAt()), ts(o.updatedAt()))
                .update();
    }

    public Optional<Output> find(OutputId id) {
        return jdbc.sql("select " + COLUMNS + " from output_request where id = ?").param(id.value()).query(this::map)
                .optional().map(this::withReviews);
    }

    public Optional<Output> findForUpdate(OutputId id) {
        return jdbc.sql("select " + COLUMNS + " from output_request where id = ? for update").param(id.value())
                .query(this::map).optional().map(this::withReviews);
    }

    public List<Output> ofWorkspace(WorkspaceId id) {
        return jdbc.sql("select " + COLUMNS + " from output_request where workspace_id = ? order by requested_at desc")
                .param(id.value()).query(this::map).list().stream().map(this::withReviews).toList();
    }

    /** Requests waiting for checkers, oldest first. */
    public List<Output> awaitingReview() {
        return jdbc.sql("select " + COLUMNS + " from output_request where status in ('CHECKED', 'IN_REVIEW') "
                + "order by requested_at").query(this::map).list().stream().map(this::withReviews).toList();
    }

    /** Requests whose automatic check has not ended (interrupted by a stop when found at start), oldest first. */
    public List<OutputId> submitted() {
        return jdbc.sql("select id from output_request where status = 'SUBMITTED' order by requested_at")
                .query((rs, n) -> new OutputId(rs.getObject(1, UUID.class))).list();
    }

    /** The permit's released outputs, oldest first (their kept releases are the differencing check's input). */
    public List<OutputId> releasedOf(PermitId permit) {
        return jdbc.sql("select id from output_request where permit_id = ? and status = 'RELEASED' order by released_at")
                .param(permit.value()).query((rs, n) -> new OutputId(rs.getObject(1, UUID.class))).list();
    }

    public void status(OutputId id, OutputStatus status, Instant now) {
        jdbc.sql("update output_request set status = ?, updated_at = ? where id = ?")
                .params(status.name(), ts(now), id.value()).update();
    }

    public void checked(OutputId id, Output.CheckSummary s) {
        jdbc.sql("update output_request set cells = ?, hidden_cells = ?, review_cells = ?, check_error = null where id = ?")
                .params(s.cells(), s.hidden(), s.review(), id.value()).update();
    }

    public void checkFailed(OutputId id, String code) {
        jdbc.sql("update output_request set check_error = ?, cells = null, hidden_cells = null, review_cells = null "
                + "where id = ?").params(code, id.value()).update();
    }

    public void resubmitted(OutputId id, String description) {
        jdbc.sql("update output_request set round = round + 1, description = ? where id = ?")
                .params(description, id.value()).update();
    }

    public void released(OutputId id, String sha256, Instant now) {
        jdbc.sql("update output_request set sha256 = ?, released_at = ? where id = ?")
                .params(sha256, ts(now), id.value()).update();
    }

    public void insertReview(OutputId id, int round, UserId reviewer, ReviewDecision decision, String comment,
            Instant now) {
        jdbc.sql("insert into output_review (id, output_id, round, reviewer, decision, comment, reviewed_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id.value(), round, reviewer.value(), decision.name(), comment, ts(now))
                .update();
    }

    private Output withReviews(Output o) {
        List<OutputReview> reviews = jdbc.sql("""
                select r.reviewer, u.display_name, r.round, r.decision, r.comment, r.reviewed_at
                  from output_review r join app_user u on u.id = r.reviewer
                 where r.output_id = ? order by r.reviewed_at""").param(o.id().value())
                .query((rs, n) -> new OutputReview(new UserId(rs.getObject(1, UUID.class)), rs.getString(2),
                        rs.getInt(3), ReviewDecision.valueOf(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                        rs.getTimestamp(6).toInstant()))
                .list();
        return new Output(o.id(), o.workspaceId(), o.permitId(), o.savedQueryId(), o.savedQueryName(),
                o.description(), o.table(), o.status(), o.round(), o.requestedBy(), o.requestedAt(), o.updatedAt(),
                o.checkError(), o.summary(), o.cells(), reviews, o.sha256(), o.releasedAt());
    }

    private Output map(ResultSet rs, int n) throws SQLException {
        int cells = rs.getInt("cells");
        Optional<Output.CheckSummary> summary = rs.wasNull() ? Optional.empty()
                : Optional.of(new Output.CheckSummary(cells, rs.getInt("hidden_cells"), rs.getInt("review_cells")));
        return new Output(new OutputId(rs.getObject("id", UUID.class)),
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new PermitId(rs.getObject("permit_id", UUID.class)), rs.getObject("saved_query_id", UUID.class),
                rs.getString("saved_query_name"), rs.getString("description"),
                new TableSpec(Arrays.asList(rs.getString("dimensions").split(",")), rs.getString("contributor_column"),
                        Optional.ofNullable(rs.getString("value_column"))),
                OutputStatus.valueOf(rs.getString("status")), rs.getInt("round"),
                new UserId(rs.getObject("requested_by", UUID.class)), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), Optional.ofNullable(rs.getString("check_error")), summary,
                List.of(), List.of(), Optional.ofNullable(rs.getString("sha256")),
                Optional.ofNullable(rs.getTimestamp("released_at")).map(Timestamp::toInstant));
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
