package eu.guichet.dataplane.tabular;

import java.util.ArrayList;
import java.util.List;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.WorkSession;

import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;

/**
 * Pseudonyms for the distinct raw identifiers of a work database: DuckDB lists the distinct values (spilling to disk
 * when it must), Java computes their HMACs in batches, and the appender writes a two-column table
 * {@code raw → pseudonym} that later queries join. Only one batch of identifiers is in the heap at a time.
 */
public final class PseudonymMap {

    /** Distinct identifiers are pseudonymised in batches of this size (parallel HMAC), then appended. */
    private static final int BATCH = 65_536;

    private PseudonymMap() {
    }

    /**
     * Creates table {@code mapTable (raw VARCHAR, pseudonym VARCHAR)} from the single-column query
     * {@code distinctValues}, which must return distinct, non-null values. Both names are built by Guichet, never
     * taken from delivered data.
     */
    public static void create(WorkSession session, Pseudonymiser pseudonymiser, IdentifierDomain domain,
            String distinctValues, String mapTable) {
        session.execute("CREATE TABLE " + mapTable + " (raw VARCHAR, pseudonym VARCHAR)");
        try (Appender appender = session.append(WorkSession.MAIN, mapTable)) {
            List<String> batch = new ArrayList<>(BATCH);
            session.forEachRow(distinctValues, row -> {
                batch.add(row.string(1));
                if (batch.size() == BATCH) {
                    append(appender, pseudonymiser, domain, batch);
                }
            });
            append(appender, pseudonymiser, domain, batch);
        }
    }

    private static void append(Appender appender, Pseudonymiser pseudonymiser, IdentifierDomain domain,
            List<String> batch) {
        List<String> pseudonyms = pseudonymiser.pseudonyms(domain, batch);
        for (int i = 0; i < batch.size(); i++) {
            appender.row(batch.get(i), pseudonyms.get(i));
        }
        batch.clear();
    }
}
