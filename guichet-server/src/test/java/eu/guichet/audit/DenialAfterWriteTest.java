package eu.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewOrganisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.security.AccessDenied;
import eu.guichet.security.AllowAuthenticated;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * An action refused after it already wrote (and audited) something: its writes and their audit events roll back,
 * the record of the refusal stays.
 */
@GuichetIntegrationTest
@Import(DenialAfterWriteTest.HalfwayRefusal.class)
class DenialAfterWriteTest {

    @RestController
    static class HalfwayRefusal {
        private final IdentityManagement identity;

        HalfwayRefusal(IdentityManagement identity) {
            this.identity = identity;
        }

        @PostMapping("/api/test/halfway-refusal")
        @AllowAuthenticated
        @Transactional
        void writeThenRefuse() {
            identity.createOrganisation(new NewOrganisation("Written before the refusal", OrganisationType.ACADEMIC,
                    null, "FR", false));
            throw new AccessDenied("test.refused_halfway", "Refused after a write.");
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_write_and_its_audit_event_roll_back_the_denial_stays() {
        var response = new Api(port).post("/api/test/halfway-refusal", "alice", "{}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("test.refused_halfway");
        assertThat(jdbc.sql("select count(*) from organisation where name = 'Written before the refusal'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'identity.organisation_created'"
                + " and actor = 'alice'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'access.denied' and actor = 'alice'"
                + " and outcome = 'DENIED' and details like '%test.refused_halfway%'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(new Api(port).get("/api/audit/verify", "auditor").json().get("intact").asBoolean()).isTrue();
    }
}
