package eu.guichet.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.optout.BulkImportReport;
import eu.guichet.optout.OptOutRegister;
import eu.guichet.security.CurrentUser;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * Opt-out bench (not a test: its name keeps it out of the default run; it asserts nothing). Imports N synthetic NIRs
 * (generated as the body streams, never held in memory) through {@link OptOutRegister#importBulk}, then streams the
 * snapshot, and prints both rates with, as the baseline, pseudonymising the same N identifiers alone in the same
 * process.
 *
 * <pre>mvn -B -ntp -pl guichet-server test -Dtest=OptOutImportBench -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dbench.identifiers=200000</pre>
 */
@Tag("bench")
@GuichetIntegrationTest
class OptOutImportBench {

    static final int IDENTIFIERS = Integer.getInteger("bench.identifiers", 200_000);

    @Autowired
    OptOutRegister register;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    IdentityManagement identity;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void import_and_snapshot() {
        var account = identity.findUserByUsername("admin").orElseThrow();
        CurrentUser admin = new CurrentUser(account.id(), account.username(), account.displayName(),
                account.organisationId(), account.roles());

        long t0 = System.nanoTime();
        List<String> batch = new ArrayList<>(5_000);
        for (int i = 0; i < IDENTIFIERS; i++) {
            batch.add(nir(i));
            if (batch.size() == 5_000) {
                pseudonymiser.pseudonyms(IdentifierDomain.NATIONAL, batch);
                batch.clear();
            }
        }
        pseudonymiser.pseudonyms(IdentifierDomain.NATIONAL, batch);
        double baseline = (System.nanoTime() - t0) / 1e9;

        long t1 = System.nanoTime();
        BulkImportReport report = transactions.execute(s -> register.importBulk(new Lines(IDENTIFIERS), admin));
        double imported = (System.nanoTime() - t1) / 1e9;

        long t2 = System.nanoTime();
        long[] seen = { 0 };
        long streamed = register.forEachInEffectAt(Instant.now().plusSeconds(1), p -> seen[0]++);
        double snapshot = (System.nanoTime() - t2) / 1e9;

        System.out.printf("%n| step | identifiers | seconds | per second | × baseline |%n|---|---|---|---|---|%n");
        System.out.printf("| pseudonymise only (baseline) | %d | %.2f | %.0f | 1.0 |%n", IDENTIFIERS, baseline,
                IDENTIFIERS / baseline);
        System.out.printf("| bulk import (read, check, pseudonymise, insert) | %d registered | %.2f | %.0f | %.1f |%n",
                report.registered(), imported, IDENTIFIERS / imported, imported / baseline);
        System.out.printf("| snapshot stream | %d | %.2f | %.0f | %.1f |%n%n", streamed, snapshot, streamed / snapshot,
                snapshot / baseline);
    }

    /** A synthetic NIR per index: département 99, country code 997 (nobody's), valid control key. */
    static String nir(int i) {
        String thirteen = String.format("%d%02d%02d99997%03d", 1 + i % 2, (i / 2) % 100, 1 + (i / 200) % 12,
                1 + (i / 2400) % 999);
        return thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97);
    }

    /** "nir\n" then N identifiers, produced as they are read. */
    static final class Lines extends InputStream {
        private final int count;
        private int next = -1;
        private byte[] line = "nir\n".getBytes(StandardCharsets.US_ASCII);
        private int position;

        Lines(int count) {
            this.count = count;
        }

        @Override
        public int read() {
            if (position == line.length) {
                if (++next >= count) {
                    return -1;
                }
                line = (nir(next) + "\n").getBytes(StandardCharsets.US_ASCII);
                position = 0;
            }
            return line[position++];
        }
    }
}
