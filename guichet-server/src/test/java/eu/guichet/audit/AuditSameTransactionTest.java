package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewOrganisation;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * The audit event commits or rolls back with the change it records; refusals are recorded in a transaction of their
 * own and survive the rollback of the refused action.
 */
@GuichetIntegrationTest
class AuditSameTransactionTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    IdentityManagement identity;

    @Autowired
    AuditTrail audit;

    Api api;
    AuditProbe probe;
    JdbcTemplate jdbc;
    TransactionTemplate transactions;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        probe = new AuditProbe(dataSource, api);
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(transactionManager);
    }

    // --- (a) the event rolls back with the change --------------------------------------------------------------------

    @Test
    void a_change_rolled_back_after_its_event_was_written_leaves_neither_change_nor_event() {
        long head = probe.head();
        String name = "Rolled back " + AuditProbe.requestId("org");
        AtomicReference<Organisation> created = new AtomicReference<>();

        transactions.executeWithoutResult(status -> {
            created.set(identity.createOrganisation(new NewOrganisation(name, OrganisationType.ACADEMIC, null, "FR",
                    false)));
            assertThat(eventsOn(created.get())).as("written inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertNoTraceOf(created.get(), name, head);
    }

    @Test
    void a_change_whose_transaction_fails_after_the_event_leaves_neither_change_nor_event() {
        long head = probe.head();
        String name = "Failed " + AuditProbe.requestId("org");
        AtomicReference<Organisation> created = new AtomicReference<>();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            created.set(identity.createOrganisation(new NewOrganisation(name, OrganisationType.ACADEMIC, null, "FR",
                    false)));
            assertThat(eventsOn(created.get())).as("written inside the transaction").isEqualTo(1);
            throw new IllegalStateException("a later step of the same change fails");
        })).hasMessage("a later step of the same change fails");

        assertNoTraceOf(created.get(), name, head);
    }

    private void assertNoTraceOf(Organisation organisation, String name, long headBefore) {
        assertThat(identity.findOrganisationByName(name)).isEmpty();
        assertThat(eventsOn(organisation)).isZero();
        assertThat(probe.head()).isEqualTo(headBefore);
        // The next event takes the rolled-back event's sequence number; had its anchor been written before the
        // commit (or without one), the anchors would now disagree with the table.
        assertThat(probe.createOrganisation("After " + name, AuditProbe.requestId("after")).status())
                .isEqualTo(201);
        probe.assertIntact();
    }

    private int eventsOn(Organisation organisation) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'identity.organisation_created'"
                + " and object_id = ?", Integer.class, organisation.id().toString());
    }

    // --- (b) no transaction, no event ------------------------------------------------------------------------------

    @Test
    void recording_outside_a_transaction_is_refused() {
        long head = probe.head();

        assertThatThrownBy(() -> audit.record(AuditRecord.of("test.outside_transaction", AuditOutcome.SUCCESS)))
                .isInstanceOf(IllegalTransactionStateException.class);

        assertThat(probe.head()).isEqualTo(head);
    }

    @Test
    void an_independent_record_survives_the_rollback_of_the_surrounding_transaction() {
        String marker = AuditProbe.requestId("independent");

        transactions.executeWithoutResult(status -> {
            audit.recordIndependently(AuditRecord.of("test.independent_record", AuditOutcome.DENIED).with("marker",
                    marker).by("tester"));
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'test.independent_record'"
                + " and details like ?", Integer.class, "%" + marker + "%")).isEqualTo(1);
        probe.assertIntact();
    }

    @Test
    void an_independent_record_after_an_event_of_the_same_transaction_fails_fast_instead_of_waiting_forever() {
        long head = probe.head();

        // The surrounding transaction holds the chain's lock until it ends; a transaction of its own started
        // inside it would wait for that lock forever.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> transactions
                .executeWithoutResult(status -> {
                    audit.record(AuditRecord.of("test.first_in_transaction", AuditOutcome.SUCCESS));
                    audit.recordIndependently(AuditRecord.of("test.then_independent", AuditOutcome.DENIED));
                })).isInstanceOf(IllegalStateException.class).hasMessageContaining("chain"));

        assertThat(probe.head()).isEqualTo(head);
    }

    // --- (c) denials --------------------------------------------------------------------------------------------------

    @Test
    void a_role_denial_is_audited_with_the_caller_and_the_endpoint() {
        String requestId = AuditProbe.requestId("denied-role");

        Api.Response response = api.send("GET", "/api/users", "alice", null, Map.of("X-Request-Id", requestId));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("access.role_required");
        assertDenialAudited(requestId, "alice", "GET /api/users", "access.role_required");
    }

    @Test
    void an_object_denial_inside_the_action_is_audited_although_the_action_rolled_back() {
        String bobsOrganisation = api.get("/api/me", "bob").json().get("organisation").get("id").asString();
        String requestId = AuditProbe.requestId("denied-object");

        Api.Response response = api.send("GET", "/api/organisations/" + bobsOrganisation, "alice", null,
                Map.of("X-Request-Id", requestId));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("identity.organisation_not_yours");
        assertDenialAudited(requestId, "alice", "GET /api/organisations/" + bobsOrganisation,
                "identity.organisation_not_yours");
    }

    @Test
    void changing_ones_own_roles_is_refused_audited_and_changes_nothing() {
        String adminId = api.get("/api/me", "admin").json().get("id").asString();
        String requestId = AuditProbe.requestId("denied-own-roles");

        Api.Response response = api.send("PUT", "/api/users/" + adminId + "/roles", "admin",
                "{\"roles\": [\"HDAB_ADMIN\", \"AUDITOR\"]}", Map.of("X-Request-Id", requestId));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("identity.own_roles");
        assertDenialAudited(requestId, "admin", "PUT /api/users/" + adminId + "/roles", "identity.own_roles");
        assertThat(api.get("/api/me", "admin").json().get("roles").toString()).isEqualTo("[\"HDAB_ADMIN\"]");
    }

    private void assertDenialAudited(String requestId, String actor, String endpoint, String code) {
        assertThat(probe.rowsOfRequest(requestId)).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo("access.denied");
            assertThat(event.outcome()).isEqualTo("DENIED");
            assertThat(event.actor()).isEqualTo(actor);
            assertThat(event.objectType()).isEqualTo("endpoint");
            assertThat(event.objectId()).isEqualTo(endpoint);
            assertThat(event.details()).isEqualTo("{\"code\":\"" + code + "\"}");
        });
        probe.assertIntact();
    }
}
