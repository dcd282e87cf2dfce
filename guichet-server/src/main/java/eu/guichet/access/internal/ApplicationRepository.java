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

import eu.guichet.access.Application;
import eu.guichet.access.ApplicationForm;
import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationMessage;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.Assessment;
import eu.guichet.access.Decision;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.ScreeningFinding;
import eu.guichet.access.StatusChange;
import eu.guichet.access.StatutoryClock;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for applications, their history, messages and decisions. The form and the findings are stored as JSON. */
@Repository
public class ApplicationRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ScreeningFinding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<StopRow>> STOPS = new TypeReference<>() {
    };
    private static final String COLUMNS = """
            id, kind, status, owner_id, organisation_id, form, findings, revision, returned, accepted_by, assessment,
            clock_period, clock_started_at, clock_extension, clock_extended_at, clock_stops, created_at, updated_at,
            submitted_at, closed_at""";

    private final JdbcClient jdbc;
    private final StatutoryClocks clocks;

    ApplicationRepository(JdbcClient jdbc, StatutoryClocks clocks) {
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    public void insert(Application a) {
        jdbc.sql("""
                insert into application (id, kind, status, owner_id, organisation_id, form, revision, created_at,
                                         updated_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                """)
                .params(a.id().value(), a.kind().name(), a.status().name(), a.owner().value(),
                        a.organisation().value(), JSON.writeValueAsString(a.form()), a.revision(), ts(a.createdAt()),
                        ts(a.updatedAt()))
                .update();
    }

    public Optional<Application> find(ApplicationId id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = ?").param(id.value()).query(this::map)
                .optional();
    }

    /** Locks the row until the end of the transaction: moves of one application happen one after the other. */
    public Optional<Application> findForUpdate(ApplicationId id) {
        return jdbc.sql("select " + COLUMNS + " from application where id = ? for update").param(id.value())
                .query(this::map).optional();
    }

    public List<Application> ownedBy(UserId owner) {
        return jdbc.sql("select " + COLUMNS + " from application where owner_id = ? order by updated_at desc")
                .param(owner.value()).query(this::map).list();
    }

    /** Applications in the given statuses, oldest first (the queue sorts them by due date). */
    public List<Application> inStatus(List<ApplicationStatus> statuses) {
        return jdbc.sql("select " + COLUMNS + " from application where status in (:statuses) order by submitted_at")
                .param("statuses", statuses.stream().map(Enum::name).toList()).query(this::map).list();
    }

    /** Saves the form; fails (returns false) when someone saved another revision meanwhile. */
    public boolean updateForm(ApplicationId id, ApplicationForm form, int expectedRevision, Instant at) {
        return jdbc.sql("""
                update application set form = ?::jsonb, revision = revision + 1, updated_at = ?
                 where id = ? and revision = ?
                """)
                .params(JSON.writeValueAsString(form), ts(at), id.value(), expectedRevision).update() == 1;
    }

    /** Saves everything a move changes: status, findings, the running clock, the return flag, the reviewer. */
    public void updateState(Application a) {
        Optional<StatutoryClock> clock = a.clock();
        Object[] clockColumns = ClockColumns.values(clock);
        jdbc.sql("""
                update application set status = ?, findings = ?::jsonb, returned = ?, accepted_by = ?,
                       assessment = ?::jsonb, clock_period = ?, clock_started_at = ?, clock_extension = ?,
                       clock_extended_at = ?, clock_stops = ?::jsonb, updated_at = ?, submitted_at = ?, closed_at = ?
                 where id = ?
                """)
                .params(a.status().name(), JSON.writeValueAsString(a.findings()), a.returned(),
                        a.acceptedBy().map(UserId::value).orElse(null),
                        a.assessment().map(JSON::writeValueAsString).orElse(null),
                        clockColumns[0], clockColumns[1], clockColumns[2], clockColumns[3],
                        JSON.writeValueAsString(clock.map(StatutoryClock::stops).orElse(List.of()).stream()
                                .map(s -> new StopRow(s.stoppedAt(), s.resumedAt())).toList()),
                        ts(a.updatedAt()), a.submittedAt().map(ApplicationRepository::ts).orElse(null),
                        a.closedAt().map(ApplicationRepository::ts).orElse(null), a.id().value())
                .update();
    }

    public void recordChange(ApplicationId id, String action, ApplicationStatus from, ApplicationStatus to,
            Optional<UserId> actor, String reason, Instant at) {
        jdbc.sql("""
                insert into application_status_change (application_id, action, from_status, to_status, actor_id,
                                                       reason, changed_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id.value(), action, from.name(), to.name(), actor.map(UserId::value).orElse(null), reason,
                        ts(at))
                .update();
    }

    public List<StatusChange> history(ApplicationId id) {
        return jdbc.sql("""
                select action, from_status, to_status, actor_id, reason, changed_at from application_status_change
                 where application_id = ? order by changed_at, id
                """)
                .param(id.value())
                .query((rs, n) -> new StatusChange(rs.getString(1), ApplicationStatus.valueOf(rs.getString(2)),
                        ApplicationStatus.valueOf(rs.getString(3)),
                        Optional.ofNullable(rs.getObject(4, UUID.class)).map(UserId::new),
                        Optional.ofNullable(rs.getString(5)), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public void addMessage(ApplicationId id, UserId author, boolean fromHdab, String body, Instant at) {
        jdbc.sql("""
                insert into application_message (application_id, author_id, from_hdab, body, sent_at)
                values (?, ?, ?, ?, ?)
                """)
                .params(id.value(), author.value(), fromHdab, body, ts(at)).update();
    }

    public List<ApplicationMessage> messages(ApplicationId id) {
        return jdbc.sql("""
                select m.id, m.author_id, u.display_name, m.from_hdab, m.body, m.sent_at
                  from application_message m join app_user u on u.id = m.author_id
                 where m.application_id = ? order by m.sent_at, m.id
                """)
                .param(id.value())
                .query((rs, n) -> new ApplicationMessage(rs.getLong(1), new UserId(rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public void insertDecision(Decision d) {
        jdbc.sql("""
                insert into decision (application_id, outcome, justification, decided_by, decided_at, document,
                                      document_sha256)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(d.applicationId().value(), d.outcome().name(), d.justification(), d.decidedBy().value(),
                        ts(d.decidedAt()), d.document(), d.documentSha256())
                .update();
    }

    public Optional<Decision> decision(ApplicationId id) {
        return jdbc.sql("""
                select application_id, outcome, justification, decided_by, decided_at, document, document_sha256
                  from decision where application_id = ?
                """)
                .param(id.value())
                .query((rs, n) -> new Decision(new ApplicationId(rs.getObject(1, UUID.class)),
                        DecisionOutcome.valueOf(rs.getString(2)), rs.getString(3),
                        new UserId(rs.getObject(4, UUID.class)), rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        Optional<StatutoryClock> clock = ClockColumns.read(rs, clocks, JSON.readValue(rs.getString("clock_stops"),
                STOPS).stream().map(s -> new StatutoryClock.Stop(s.stoppedAt(), s.resumedAt())).toList());
        return new Application(new ApplicationId(rs.getObject("id", UUID.class)),
                ApplicationKind.valueOf(rs.getString("kind")), ApplicationStatus.valueOf(rs.getString("status")),
                new UserId(rs.getObject("owner_id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                JSON.readValue(rs.getString("form"), ApplicationForm.class),
                JSON.readValue(rs.getString("findings"), FINDINGS), rs.getInt("revision"),
                rs.getBoolean("returned"),
                Optional.ofNullable(rs.getObject("accepted_by", UUID.class)).map(UserId::new),
                Optional.ofNullable(rs.getString("assessment")).map(a -> JSON.readValue(a, Assessment.class)),
                clock, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("submitted_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("closed_at")).map(Timestamp::toInstant));
    }

    /** A clock stop as stored. */
    record StopRow(Instant stoppedAt, Instant resumedAt) {
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
