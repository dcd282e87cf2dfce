package eu.guichet.optout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.identity.IdentityManagement;
import eu.guichet.optout.Citizens;
import eu.guichet.optout.OptOutId;
import eu.guichet.optout.OptOutPeriod;
import eu.guichet.optout.OptOutRegister;
import eu.guichet.optout.OptOutSource;
import eu.guichet.security.UserId;
import eu.guichet.testing.GuichetIntegrationTest;

/**
 * The rule extracts apply, as a table: an opt-out is in effect at a permit's reference instant R when it took effect
 * strictly before R and was not withdrawn before R. Each row is one person's history (days relative to R); the
 * register's snapshot (SQL, {@link OptOutRegister#forEachInEffectAt}, {@link OptOutRegister#countInEffectAt}) and
 * {@link OptOutPeriod#inEffectAt} must both agree with the expected column. Writes docs/reference/opt-out-snapshot.md.
 */
@GuichetIntegrationTest
class InEffectAtSpecTest {

    /** Far before any opt-out other tests register (they take effect now), so only this table's rows count. */
    private static final Instant R = Instant.parse("2020-06-01T00:00:00Z");

    /**
     * case | history: "+d" opt out d days after R (negative before), "-d" withdraw ... | excluded from the extract?
     * Periods are written optOut..withdraw, separated by spaces; "R" is R itself.
     */
    private static final String SPEC = """
            never opted out                                   |                   | no
            opted out before R, never withdrawn                | -10..             | yes
            opted out after R                                  | 5..               | no
            opted out exactly at R                             | 0..               | no
            opted out and withdrawn before R                   | -10..-3           | no
            opted out before R, withdrawn after R              | -10..4            | yes
            opted out before R, withdrawn exactly at R         | -10..0            | yes
            withdrawn before R, opted out again before R       | -10..-5 -2..      | yes
            withdrawn before R, opted out again after R        | -10..-5 3..       | no
            withdrawn after R, opted out again later           | -10..2 6..        | yes
            withdrawn before R, re-opted and withdrawn again   | -10..-5 -3..-1    | no
            re-opted exactly at R after a withdrawal           | -10..-5 0..       | no
            """;

    @Autowired
    OptOutRepository repository;

    @Autowired
    OptOutRegister register;

    @Autowired
    Pseudonymiser pseudonymiser;

    @Autowired
    IdentityManagement identity;

    @Autowired
    TransactionTemplate transactions;

    record Case(String name, String history, boolean excluded, String pseudonym) {
    }

    @Test
    void the_snapshot_at_a_reference_instant_follows_the_table() throws IOException {
        UserId admin = identity.findUserByUsername("admin").orElseThrow().id();
        List<Case> cases = new ArrayList<>();
        for (String line : SPEC.strip().lines().toList()) {
            String[] cells = line.split("\\|");
            cases.add(new Case(cells[0].strip(), cells[1].strip(), cells[2].strip().equals("yes"),
                    pseudonymiser.pseudonym(IdentifierDomain.NATIONAL, Citizens.newNir())));
        }
        Map<String, List<OptOutPeriod>> periods = new LinkedHashMap<>();
        transactions.executeWithoutResult(status -> cases.forEach(c -> periods.put(c.name(), register(c, admin))));

        Set<String> snapshot = new HashSet<>();
        long streamed = register.forEachInEffectAt(R, snapshot::add);

        for (Case c : cases) {
            assertThat(snapshot.contains(c.pseudonym())).as("snapshot: " + c.name()).isEqualTo(c.excluded());
            assertThat(periods.get(c.name()).stream().anyMatch(p -> p.inEffectAt(R)))
                    .as("OptOutPeriod.inEffectAt: " + c.name()).isEqualTo(c.excluded());
        }
        long excluded = cases.stream().filter(Case::excluded).count();
        assertThat(snapshot).hasSize((int) excluded);
        assertThat(register.countInEffectAt(R)).isEqualTo(excluded);
        assertThat(streamed).isEqualTo(excluded);
        writeReference(cases);
    }

    private List<OptOutPeriod> register(Case c, UserId by) {
        if (!c.history().isEmpty()) {
            for (String period : c.history().split("\\s+")) {
                String[] bounds = period.split("\\.\\.", -1);
                OptOutId id = OptOutId.random();
                assertThat(repository.insertIfNoneInEffect(id, c.pseudonym(), OptOutSource.CITIZEN, by, null,
                        day(bounds[0]))).as(c.name()).isTrue();
                if (!bounds[1].isEmpty()) {
                    assertThat(repository.withdraw(id, by, day(bounds[1]))).isTrue();
                }
            }
        }
        return repository.history(c.pseudonym());
    }

    private static Instant day(String offset) {
        return R.plusSeconds(86_400L * Integer.parseInt(offset));
    }

    private static void writeReference(List<Case> cases) throws IOException {
        StringBuilder md = new StringBuilder("""
                # Which opt-outs an extract applies

                Generated by `InEffectAtSpecTest` from the table it checks against the register (do not edit by hand).
                An extract leaves out every person whose opt-out is **in effect at the permit's reference instant R**
                (the grant; for scope added by an amendment, the amendment): the opt-out took effect strictly before R
                and was not withdrawn before R. Histories are opt-out periods `from..to` in days relative to R (`0` is
                R itself; an empty `to` means never withdrawn). See [the explanation](../explanation/opt-out.md).

                | case | history (days from R) | left out of the extract |
                |---|---|---|
                """);
        for (Case c : cases) {
            md.append("| ").append(c.name()).append(" | `").append(c.history().isEmpty() ? "—" : c.history())
                    .append("` | ").append(c.excluded() ? "yes" : "no").append(" |\n");
        }
        Path file = Path.of("..", "docs", "reference", "opt-out-snapshot.md");
        Files.writeString(file, md.toString());
        assertThat(Optional.of(file).filter(Files::exists)).isPresent();
    }
}
