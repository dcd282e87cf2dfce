package eu.guichet.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewAccount;
import eu.guichet.identity.NewOrganisation;
import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.identity.PasswordPolicy;
import eu.guichet.identity.UserAccount;
import eu.guichet.problem.ValidationException;
import eu.guichet.security.Role;

/**
 * Creates the demo organisations and one account per role (API.md) on first start, sets their password (the one
 * given by {@code --demo-password}, else one generated once and kept in {@code <data-dir>/demo-password}) and prints
 * how to sign in.
 */
@Component
@Profile("demo")
@Order(0)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    static final String HDAB = "Plateforme des données de santé (démo)";
    static final String HOSPITAL = "Centre hospitalier universitaire de Démoville";
    static final String UNIVERSITY = "Université de Démoville — Laboratoire d'épidémiologie";
    static final String COMPANY = "MedStat Analytics SAS";
    static final String AGENCY = "Agence régionale de santé de Démoville";

    record DemoOrganisation(String name, OrganisationType type, String identifier, boolean publicHealthMandate) {
    }

    record DemoUser(String username, String displayName, String organisation, Set<Role> roles) {
    }

    /**
     * The demo citizen's national identifier, for the opt-out pseudonym: SYNTHETIC, not anyone's. A NIR's shape
     * (woman, born July 1985 abroad — département 99 — country code 999, order 001) with a valid control key
     * (97 − n mod 97 = 63). In production the identity provider supplies it (guichet.identity.oidc.national-id-claim).
     */
    static final String CITIZEN_NATIONAL_ID = "285079999900163";

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(HDAB, OrganisationType.HDAB, "DEMO-HDAB", true),
            new DemoOrganisation(HOSPITAL, OrganisationType.DATA_HOLDER, "DEMO-CHU", false),
            new DemoOrganisation(UNIVERSITY, OrganisationType.ACADEMIC, "DEMO-UNIV", false),
            new DemoOrganisation(COMPANY, OrganisationType.COMPANY, "DEMO-MEDSTAT", false),
            new DemoOrganisation(AGENCY, OrganisationType.PUBLIC_BODY, "DEMO-ARS", true));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Anne Admin", HDAB, Set.of(Role.HDAB_ADMIN)),
            new DemoUser("alice", "Alice Martin", UNIVERSITY, Set.of(Role.APPLICANT)),
            new DemoUser("bob", "Bob Durand", COMPANY, Set.of(Role.APPLICANT)),
            new DemoUser("holder", "Hélène Holder", HOSPITAL, Set.of(Role.DATA_HOLDER)),
            new DemoUser("reviewer", "Rémi Reviewer", HDAB, Set.of(Role.HDAB_REVIEWER)),
            new DemoUser("decider", "Denise Decider", HDAB, Set.of(Role.HDAB_DECIDER)),
            new DemoUser("analyst", "Anatole Analyst", HDAB, Set.of(Role.HDAB_ANALYST)),
            new DemoUser("checker1", "Chloé Checker", HDAB, Set.of(Role.OUTPUT_CHECKER)),
            new DemoUser("checker2", "Charles Checker", HDAB, Set.of(Role.OUTPUT_CHECKER)),
            new DemoUser("auditor", "Aurore Auditor", HDAB, Set.of(Role.AUDITOR)),
            new DemoUser("citizen", "Camille Citoyenne", null, Set.of(Role.CITIZEN)));

    private final IdentityManagement identity;
    private final TransactionTemplate transactions;
    private final Path dataDir;
    private final String givenPassword;

    DemoAccounts(IdentityManagement identity, TransactionTemplate transactions,
            @Value("${guichet.data-dir}") Path dataDir, @Value("${guichet.demo.password:}") String givenPassword) {
        this.identity = identity;
        this.transactions = transactions;
        this.dataDir = dataDir;
        this.givenPassword = givenPassword;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String password = password();
        transactions.executeWithoutResult(status -> seed(password));
        printAccounts(password);
    }

    private void seed(String password) {
        for (DemoOrganisation o : ORGANISATIONS) {
            if (identity.findOrganisationByName(o.name()).isEmpty()) {
                identity.createOrganisation(new NewOrganisation(o.name(), o.type(), o.identifier(), "FR",
                        o.publicHealthMandate()));
            }
        }
        for (DemoUser u : USERS) {
            var existing = identity.findUserByUsername(u.username());
            if (existing.isEmpty()) {
                var organisation = u.organisation() == null ? null
                        : identity.findOrganisationByName(u.organisation()).map(Organisation::id).orElseThrow();
                identity.createLocalAccount(new NewAccount(u.username(), u.displayName(),
                        u.username() + "@demo.guichet.invalid", organisation == null ? null : organisation.value(),
                        u.roles(), password));
            } else if (!givenPassword.isBlank()) {
                identity.setPassword(existing.map(UserAccount::id).orElseThrow(), password);
            }
        }
        var citizen = identity.findUserByUsername("citizen").orElseThrow().id();
        if (identity.findNationalIdentifier(citizen).isEmpty()) {
            identity.setNationalIdentifier(citizen, CITIZEN_NATIONAL_ID);
        }
    }

    /** The password given on the command line, else the one kept from the first start, else a new one. */
    private String password() throws IOException {
        Path file = dataDir.resolve("demo-password");
        if (!givenPassword.isBlank()) {
            try {
                PasswordPolicy.check(givenPassword);
            } catch (ValidationException e) {
                throw new IllegalArgumentException("--demo-password: " + e.getMessage());
            }
            writePrivate(file, givenPassword);
            return givenPassword;
        }
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        String generated = generate();
        writePrivate(file, generated);
        return generated;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.debug("No POSIX permissions on this file system");
        }
    }

    private static String generate() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private void printAccounts(String password) {
        String accounts = USERS.stream()
                .map(u -> String.format("  %-9s %s", u.username(),
                        u.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "))))
                .collect(Collectors.joining("\n"));
        System.out.printf("%n=== Guichet demo ===%nAccounts (password: %s)%n%s%n"
                + "Password kept in %s; choose another with --demo-password=...%n%n", password, accounts,
                dataDir.resolve("demo-password").toAbsolutePath());
    }
}
