package eu.guichet.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.audit.AuditTrail;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.PseudonymKeyStore;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.optout.internal.BulkImporter;
import eu.guichet.optout.internal.OptOutRekeying;
import eu.guichet.optout.internal.OptOutRepository;
import eu.guichet.problem.ConflictException;
import eu.guichet.pseudonymisation.internal.PseudonymisationProperties;
import eu.guichet.security.CurrentUser;
import eu.guichet.testing.Api;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * An opt-out registered under key version 1 still matches after the HDAB rotates to version 2: the snapshot extracts
 * read gives version-2 pseudonyms (equal to what the lake gets for the same NIR under version 2), before and after the
 * stored pseudonyms are re-keyed, and the citizen still finds their opt-out. Its own application context (and so its
 * own database), because re-keying changes every stored pseudonym.
 */
@GuichetIntegrationTest
@TestPropertySource(properties = "guichet.test.context=optout-key-rotation")
class OptOutKeyRotationTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityManagement identity;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    PseudonymisationProperties keys;

    @Autowired
    OptOutRepository repository;

    @Autowired
    BulkImporter importer;

    @Autowired
    OptOutRekeying rekeying;

    @Autowired
    AuditTrail audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void an_opt_out_registered_under_key_1_still_matches_after_a_rotation_to_key_2() throws IOException {
        assertThat(pseudonymiser.keyVersion()).isEqualTo(1);
        String nir = Citizens.newNir();
        String username = Citizens.newCitizen(identity, nir);
        assertThat(new Api(port).post("/api/optouts", username, null).status()).isEqualTo(201);
        String underKey1 = pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, nir);
        assertThat(underKey1).startsWith("v01-");

        Pseudonymiser rotated = new Pseudonymiser(rotatedKeys());
        String underKey2 = rotated.pseudonym(IdentifierDomain.NATIONAL, nir);
        assertThat(underKey2).startsWith("v02-").isNotEqualTo(underKey1);
        OptOutRegister afterRotation = new OptOutRegister(repository, importer, rotated, identity, audit, events,
                clock);
        Instant reference = clock.instant().plusSeconds(60);

        // before the stored pseudonyms are re-keyed: the snapshot upgrades them as it streams
        assertThat(snapshot(afterRotation, reference)).contains(underKey2).doesNotContain(underKey1);

        long rekeyed = transactions.execute(status -> rekeying.rekeyTo(rotated));
        assertThat(rekeyed).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from opt_out where pseudonym not like 'v02-%'").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select count(*) from opt_out where pseudonym = ?").param(underKey2).query(Long.class)
                .single()).isEqualTo(1);
        long again = transactions.execute(status -> rekeying.rekeyTo(rotated));
        assertThat(again).as("idempotent").isZero();

        // after: the snapshot holds the version-2 pseudonym as stored, the count is unchanged
        assertThat(snapshot(afterRotation, reference)).contains(underKey2).doesNotContain(underKey1);
        assertThat(afterRotation.countInEffectAt(reference)).isEqualTo(repository.countInEffectAt(reference));
        // and the citizen, whose pseudonym is now computed under key 2, still has their opt-out
        CurrentUser citizen = citizen(username);
        OptOutStatus status = transactions.execute(s -> afterRotation.history(citizen));
        assertThat(status.optedOut()).isTrue();
        assertThat(status.history()).hasSize(1);
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> afterRotation.optOut(citizen)))
                .isInstanceOf(ConflictException.class);
    }

    private Set<String> snapshot(OptOutRegister register, Instant reference) {
        Set<String> pseudonyms = new HashSet<>();
        transactions.executeWithoutResult(status -> register.forEachInEffectAt(reference, pseudonyms::add));
        return pseudonyms;
    }

    /** The context's key file (version 1) plus a new random version 2, made current. */
    private PseudonymKeyStore rotatedKeys() throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(keys.keyFile())) {
            file.load(in);
        }
        Map<Integer, byte[]> byVersion = new TreeMap<>();
        byVersion.put(1, Base64.getDecoder().decode(file.getProperty("key.1").strip()));
        byte[] second = new byte[PseudonymKeyStore.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(second);
        byVersion.put(2, second);
        return PseudonymKeyStore.of(2, byVersion);
    }

    private CurrentUser citizen(String username) {
        var account = identity.findUserByUsername(username).orElseThrow();
        return new CurrentUser(account.id(), account.username(), account.displayName(), account.organisationId(),
                account.roles());
    }
}
