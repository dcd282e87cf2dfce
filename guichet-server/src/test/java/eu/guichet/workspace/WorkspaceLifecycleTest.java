package eu.guichet.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.access.PermitExpired;
import eu.guichet.access.PermitGranted;
import eu.guichet.access.PermitId;
import eu.guichet.access.PermitManagement;
import eu.guichet.access.PermitRevoked;
import eu.guichet.security.UserId;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;
import eu.guichet.workspace.internal.WorkspaceSweeps;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security property 2: only the persons a permit names enter its workspace, and only while the permit is active. The
 * workspace follows the permit's events in any order; revocation and expiry lock it; its files are deleted after the
 * retention period, audited.
 */
@GuichetIntegrationTest
class WorkspaceLifecycleTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Workspaces workspaces;

    @Autowired
    PermitManagement permits;

    @Autowired
    WorkspaceSweeps sweeps;

    @Autowired
    JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Value("${guichet.workspace.dir}")
    Path workspacesDir;

    Api api;
    @RegisterExtension
    final WorkspaceFixture fixture = new WorkspaceFixture();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    static String sql(String sql) {
        return JsonMapper.builder().build().writeValueAsString(Map.of("sql", sql));
    }

    @Test
    void a_revoked_permit_locks_its_workspace() {
        Workspace w = fixture.open("WS-REVOKE");
        String base = "/api/workspaces/" + w.id();
        assertThat(api.post(base + "/queries", "alice", sql("select 1")).status()).isEqualTo(200);

        assertThat(api.post("/api/permits/" + w.permitId() + "/revocation", "decider",
                "{\"reason\": \"Breach of conditions.\"}").status()).isEqualTo(200);
        Workspace locked = fixture.awaitStatus(w.permitId(), WorkspaceStatus.LOCKED);
        assertThat(locked.lockReason()).contains("REVOKED");

        var refused = api.post(base + "/queries", "alice", sql("select * from patients"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("workspace.locked");
        assertThat(api.get(base, "alice").json().get("status").asString()).isEqualTo("LOCKED");
        assertThat(audited("workspace.locked", w.id())).isEqualTo(1);
    }

    @Test
    void an_expired_permit_is_refused_at_once_and_then_locks_its_workspace() {
        Workspace w = fixture.open("WS-EXPIRE");
        String base = "/api/workspaces/" + w.id();
        jdbc.sql("update permit set valid_until = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), w.permitId().value()).update();

        var beforeTheSweep = api.post(base + "/queries", "alice", sql("select * from patients"));
        assertThat(beforeTheSweep.status()).as("refused before the expiry event arrives").isEqualTo(409);
        assertThat(beforeTheSweep.json().get("code").asString()).isEqualTo("workspace.locked");

        permits.expireEnded();
        assertThat(fixture.awaitStatus(w.permitId(), WorkspaceStatus.LOCKED).lockReason()).contains("EXPIRED");
    }

    @Test
    void a_locked_workspace_refuses_its_members_whatever_the_permit_says() {
        Workspace w = fixture.open("WS-LOCKED");
        transactions.executeWithoutResult(s -> events.publishEvent(new PermitRevoked(w.permitId(), "test",
                Instant.now())));
        fixture.awaitStatus(w.permitId(), WorkspaceStatus.LOCKED);
        var refused = api.post("/api/workspaces/" + w.id() + "/queries", "alice", sql("select 1"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("workspace.locked");
        assertThat(api.post("/api/workspaces/" + w.id() + "/saved-queries", "alice",
                "{\"name\": \"n\", \"sql\": \"select 1\"}").status()).isEqualTo(409);
    }

    @Test
    void events_may_arrive_in_any_order() {
        PermitId permit = PermitId.random();
        UserId alice = new UserId(jdbc.sql("select id from app_user where username = 'alice'").query(UUID.class)
                .single());
        var dataset = eu.guichet.access.AccessJourneys.publishedDataset(api, "WS-ORDER");
        fixture.announceExtract(permit, 1);
        Workspace pending = fixture.awaitStatus(permit, WorkspaceStatus.PENDING);
        assertThat(pending.extractVersion()).isEqualTo(1);
        assertThat(api.post("/api/workspaces/" + pending.id() + "/queries", "alice", sql("select 1")).status())
                .as("nobody is a member yet").isEqualTo(404);

        transactions.executeWithoutResult(s -> events.publishEvent(new PermitGranted(permit, 1,
                eu.guichet.access.ApplicationId.random(), eu.guichet.transparency.RegisterEvents.scope(dataset, Instant.now()),
                Set.of(alice), Instant.now().plus(30, ChronoUnit.DAYS),
                Instant.now())));
        Workspace open = fixture.awaitStatus(permit, WorkspaceStatus.OPEN);
        assertThat(open.members()).containsExactly(alice);
        fixture.announceExtract(permit, 2);
        org.awaitility.Awaitility.await().until(() -> workspaces.findByPermit(permit).orElseThrow()
                .extractVersion() == 2);
        fixture.announceExtract(permit, 1);
        transactions.executeWithoutResult(s -> events.publishEvent(new PermitExpired(permit, Instant.now())));
        fixture.awaitStatus(permit, WorkspaceStatus.LOCKED);
        assertThat(workspaces.findByPermit(permit).orElseThrow().extractVersion())
                .as("the newest extract version is kept").isEqualTo(2);
        fixture.announceExtract(permit, 3);
        assertThat(workspaces.findByPermit(permit).orElseThrow().status()).isEqualTo(WorkspaceStatus.LOCKED);
    }

    @Test
    void a_locked_workspace_s_files_are_deleted_after_the_retention_period() {
        Workspace old = fixture.open("WS-RETENTION");
        Workspace recent = fixture.open("WS-RETAINED");
        for (Workspace w : new Workspace[] { old, recent }) {
            assertThat(api.post("/api/workspaces/" + w.id() + "/queries", "alice",
                    sql("create table mine as select * from stays")).status()).isEqualTo(200);
            transactions.executeWithoutResult(s -> events.publishEvent(new PermitExpired(w.permitId(),
                    Instant.now())));
            fixture.awaitStatus(w.permitId(), WorkspaceStatus.LOCKED);
        }
        lockedAgo(old, 7);
        lockedAgo(recent, 5);
        Path oldFiles = workspaceDir(old);
        assertThat(oldFiles.resolve("scratch.duckdb")).exists();

        assertThat(sweeps.deleteExpired()).isGreaterThanOrEqualTo(1);

        assertThat(workspaces.findByPermit(old.permitId()).orElseThrow().status()).isEqualTo(WorkspaceStatus.DELETED);
        assertThat(oldFiles).doesNotExist();
        assertThat(audited("workspace.deleted", old.id())).isEqualTo(1);
        assertThat(workspaces.findByPermit(recent.permitId()).orElseThrow().status())
                .isEqualTo(WorkspaceStatus.LOCKED);
        assertThat(workspaceDir(recent).resolve("scratch.duckdb")).exists();
        assertThat(api.get("/api/workspaces/" + old.id(), "alice").status()).isEqualTo(404);
    }

    private void lockedAgo(Workspace w, int months) {
        jdbc.sql("update workspace set locked_at = now() - make_interval(months => ?) where id = ?")
                .params(months, w.id().value()).update();
    }

    private Path workspaceDir(Workspace w) {
        return workspacesDir.resolve(w.id().toString());
    }

    private long audited(String action, WorkspaceId id) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_id = ?")
                .params(action, id.toString()).query(Long.class).single();
    }
}
