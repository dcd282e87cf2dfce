package eu.guichet.optout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.security.CurrentUser;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Every opt-out, withdrawal and bulk import publishes its event and writes its audit event in the same transaction;
 * neither carries the national identifier nor the pseudonym — ids, instants and counts only.
 */
@GuichetIntegrationTest
@RecordApplicationEvents
class OptOutEventsAndAuditTest {

    @Autowired
    OptOutRegister register;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void opting_out_withdrawing_and_importing_are_published_and_audited_without_identifier_or_pseudonym() {
        String nir = Citizens.newNir();
        CurrentUser citizen = user(Citizens.newCitizen(identity, nir));
        CurrentUser admin = user("admin");
        String imported = Citizens.newNir();

        OptOutStatus optedOut = transactions.execute(s -> register.optOut(citizen));
        OptOutStatus withdrawn = transactions.execute(s -> register.withdraw(citizen));
        BulkImportReport report = transactions.execute(s -> register.importBulk(
                new ByteArrayInputStream((imported + "\n" + nir + "\n").getBytes(StandardCharsets.UTF_8)), admin));

        OptOutId id = optedOut.current().orElseThrow().id();
        assertThat(events.stream(OptOutRegistered.class)).containsExactly(new OptOutRegistered(id,
                OptOutSource.CITIZEN, optedOut.current().get().effectiveAt()));
        assertThat(events.stream(OptOutWithdrawn.class)).containsExactly(new OptOutWithdrawn(id,
                withdrawn.history().get(0).withdrawnAt().orElseThrow()));
        assertThat(report.registered()).isEqualTo(2);
        assertThat(events.stream(OptOutsImported.class)).singleElement()
                .satisfies(e -> assertThat(e.importId()).isEqualTo(report.importId()))
                .satisfies(e -> assertThat(e.registered()).isEqualTo(2));

        assertThat(jdbc.sql("select action from audit_event where object_id = ? order by seq")
                .param(id.toString()).query(String.class).list())
                .containsExactly("optout.registered", "optout.withdrawn");
        assertThat(jdbc.sql("select details from audit_event where action = 'optout.bulk_imported' and object_id = ?")
                .param(report.importId().toString()).query(String.class).single())
                .contains("\"registered\":\"2\"").contains("\"rejected\":\"0\"");

        List<String> secrets = List.of(nir, imported, pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nir),
                pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, imported));
        List<String> published = events.stream().map(Object::toString).toList();
        List<String> audited = jdbc.sql("select actor || ' ' || action || ' ' || coalesce(object_id, '') || ' ' "
                + "|| details from audit_event where action like 'optout.%'").query(String.class).list();
        for (String secret : secrets) {
            assertThat(published).noneMatch(e -> e.contains(secret));
            assertThat(audited).noneMatch(a -> a.contains(secret));
        }
    }

    private CurrentUser user(String username) {
        var account = identity.findUserByUsername(username).orElseThrow();
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.organisationId(),
                account.roles());
    }
}
