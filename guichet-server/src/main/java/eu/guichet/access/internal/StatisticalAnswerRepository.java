package eu.guichet.access.internal;

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
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.PermitId;
import eu.guichet.access.StatisticalAnswer;
import eu.guichet.security.UserId;

/** The statistical answers owed (table {@code statistical_answer}), with their application's kind and title. */
@Repository
public class StatisticalAnswerRepository {

    private static final String SELECT = """
            select s.application_id, a.kind, a.form ->> 'title' as title, s.outcome, s.decided_at, s.due_at, s.status,
                   s.analyst_id, s.assigned_at, s.answered_at, s.output_ref, s.analysis_id
              from statistical_answer s join application a on a.id = s.application_id""";

    private final JdbcClient jdbc;

    StatisticalAnswerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApplicationId id, DecisionOutcome outcome, Instant decidedAt, Instant dueAt) {
        jdbc.sql("""
                insert into statistical_answer (application_id, outcome, decided_at, due_at, status)
                values (?, ?, ?, ?, 'QUEUED') on conflict do nothing""")
                .params(id.value(), outcome.name(), Timestamp.from(decidedAt), Timestamp.from(dueAt)).update();
    }

    /** Not answered yet, the earliest due first. */
    public List<StatisticalAnswer> open() {
        return jdbc.sql(SELECT + " where s.status <> 'ANSWERED' order by s.due_at, s.application_id")
                .query(this::map).list();
    }

    public Optional<StatisticalAnswer> findForUpdate(ApplicationId id) {
        return jdbc.sql(SELECT + " where s.application_id = ? for update of s").param(id.value()).query(this::map)
                .optional();
    }

    public Optional<StatisticalAnswer> find(ApplicationId id) {
        return jdbc.sql(SELECT + " where s.application_id = ?").param(id.value()).query(this::map).optional();
    }

    public void assign(ApplicationId id, UserId analyst, Instant at) {
        jdbc.sql("update statistical_answer set status = 'IN_PREPARATION', analyst_id = ?, assigned_at = ? "
                + "where application_id = ?").params(analyst.value(), Timestamp.from(at), id.value()).update();
    }

    /** Names the answer's analysis, once (the first assignment). */
    public void openAnalysis(ApplicationId id, PermitId analysisId) {
        jdbc.sql("update statistical_answer set analysis_id = ? where application_id = ? and analysis_id is null")
                .params(analysisId.value(), id.value()).update();
    }

    public Optional<StatisticalAnswer> findByAnalysis(PermitId analysisId) {
        return jdbc.sql(SELECT + " where s.analysis_id = ?").param(analysisId.value()).query(this::map).optional();
    }

    public void answered(ApplicationId id, String outputRef, Instant at) {
        jdbc.sql("update statistical_answer set status = 'ANSWERED', output_ref = ?, answered_at = ? "
                + "where application_id = ?").params(outputRef, Timestamp.from(at), id.value()).update();
    }

    private StatisticalAnswer map(ResultSet rs, int row) throws SQLException {
        UUID analyst = rs.getObject("analyst_id", UUID.class);
        UUID analysis = rs.getObject("analysis_id", UUID.class);
        return new StatisticalAnswer(new ApplicationId(rs.getObject("application_id", UUID.class)),
                ApplicationKind.valueOf(rs.getString("kind")), rs.getString("title"),
                DecisionOutcome.valueOf(rs.getString("outcome")), instant(rs, "decided_at"), instant(rs, "due_at"),
                StatisticalAnswer.Status.valueOf(rs.getString("status")),
                Optional.ofNullable(analyst).map(UserId::new), Optional.ofNullable(instant(rs, "assigned_at")),
                Optional.ofNullable(instant(rs, "answered_at")), Optional.ofNullable(rs.getString("output_ref")),
                Optional.ofNullable(analysis).map(PermitId::new));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
