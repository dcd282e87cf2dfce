package eu.guichet.dataplane.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import eu.guichet.dataplane.engine.Appender;
import eu.guichet.dataplane.engine.EngineException;
import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.tabular.Sql;

/**
 * The opt-out snapshots of an extract, one per group (reference instant), as work tables: {@code work.optout(grp,
 * pid)} holds each snapshot's national pseudonyms, {@code work.excluded(grp, lake)} the extract's persons each one
 * leaves out. A person excluded by every snapshot leaves the person map; the others are filtered table by table.
 */
final class OptOutExclusion {

    private OptOutExclusion() {
    }

    /** Loads every snapshot; returns how many distinct persons they hold together. */
    static long load(WorkSession s, Map<String, OptOutSnapshot> snapshots) {
        s.execute("CREATE TABLE work.optout (grp VARCHAR, pid VARCHAR)");
        try (Appender appender = s.append("work", "optout")) {
            for (Map.Entry<String, OptOutSnapshot> e : new java.util.TreeMap<>(snapshots).entrySet()) {
                e.getValue().forEach(p -> {
                    try {
                        appender.row(e.getKey(), p);
                    } catch (EngineException ex) {
                        throw new ExtractException("cannot load the opt-out snapshot (SQLState " + ex.getSQLState()
                                + ")");
                    }
                });
            }
        }
        return s.count("(SELECT DISTINCT pid FROM work.optout)");
    }

    /**
     * Records which of the extract's persons each snapshot leaves out, drops from the person map those every snapshot
     * leaves out, and answers each snapshot's size and exclusions.
     */
    static List<ExtractEvidence.OptOutsApplied> exclude(WorkSession s, ExtractSpec spec, Set<String> groups) {
        s.execute("CREATE TABLE work.excluded AS SELECT DISTINCT o.grp, m.lake FROM work.person_map m "
                + "JOIN work.optout o ON o.pid = m.current");
        List<ExtractEvidence.OptOutsApplied> applied = new ArrayList<>();
        for (String group : new TreeSet<>(groups)) {
            String g = Sql.literal(group);
            applied.add(new ExtractEvidence.OptOutsApplied(group,
                    s.count("work.optout WHERE grp = " + g),
                    s.count("work.excluded WHERE grp = " + g)));
        }
        s.execute("DELETE FROM work.person_map WHERE lake IN (SELECT lake FROM work.excluded GROUP BY lake HAVING "
                + "count(DISTINCT grp) = " + groups.size() + ")");
        return applied;
    }

    /** Whether a person table's rows of this group are filtered: the SQL condition on the alias's lake pseudonym. */
    static String kept(String group, String lakeColumn) {
        return lakeColumn + " NOT IN (SELECT lake FROM work.excluded WHERE grp = " + Sql.literal(group) + ")";
    }
}
