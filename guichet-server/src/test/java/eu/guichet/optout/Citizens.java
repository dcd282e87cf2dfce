package eu.guichet.optout;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;

import eu.guichet.identity.IdentityManagement;
import eu.guichet.identity.NewAccount;
import eu.guichet.security.Role;
import eu.guichet.testing.Api;

/**
 * Test citizens: synthetic NIRs (valid shape and control key; département 99, country code 998 — "born abroad" in a
 * country code nobody has — so they are nobody's) and fresh citizen accounts carrying them, so tests never change the
 * demo citizen's opt-outs.
 */
public final class Citizens {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 500_000);

    private Citizens() {
    }

    /** A new synthetic NIR, 15 characters, never returned twice in a run. */
    public static String newNir() {
        long n = NEXT.incrementAndGet();
        // sex 1-2, year, month 01-12, département 99, country 998, order 001-999
        long sex = 1 + n % 2;
        long year = (n / 2) % 100;
        long month = 1 + (n / 200) % 12;
        long order = 1 + (n / 2400) % 999;
        String thirteen = String.format("%d%02d%02d99998%03d", sex, year, month, order);
        return thirteen + String.format("%02d", key(thirteen));
    }

    /** The NIR control key of 13 digits. */
    public static long key(String thirteen) {
        return 97 - Long.parseLong(thirteen) % 97;
    }

    /** The NIR as people write it: {@code 1 84 12 99 998 423 57}. */
    public static String spaced(String nir) {
        return nir.charAt(0) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " " + nir.substring(5, 7) + " "
                + nir.substring(7, 10) + " " + nir.substring(10, 13) + " " + nir.substring(13);
    }

    /** A new citizen account (password {@link Api#DEMO_PASSWORD}) carrying the NIR; null for none. */
    public static String newCitizen(IdentityManagement identity, String nir) {
        String username = "citizen" + NEXT.incrementAndGet();
        var account = identity.createLocalAccount(new NewAccount(username, "Test Citizen", null, null,
                EnumSet.of(Role.CITIZEN), Api.DEMO_PASSWORD));
        if (nir != null) {
            identity.setNationalIdentifier(account.id(), nir);
        }
        return username;
    }
}
