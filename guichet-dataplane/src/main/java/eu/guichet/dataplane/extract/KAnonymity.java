package eu.guichet.dataplane.extract;

import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import eu.guichet.dataplane.engine.WorkSession;
import eu.guichet.dataplane.extract.ExtractSpec.Anonymisation;
import eu.guichet.dataplane.extract.ExtractSpec.Generalisation;
import eu.guichet.dataplane.extract.ExtractSpec.TableSpec;
import eu.guichet.dataplane.tabular.Sql;

/**
 * k-anonymity of an anonymised extract, as SQL over the extract's work tables: the generalisation of each column
 * (quasi-identifiers as configured, event dates to their month), the suppression of the persons whose generalised
 * quasi-identifiers fewer than k persons share, and the k achieved.
 */
final class KAnonymity {

    private KAnonymity() {
    }

    /** Drops from person_map every person whose generalised quasi-identifiers are shared by fewer than k persons. */
    static long suppressSmallGroups(WorkSession s, ExtractSpec spec, Anonymisation a) {
        TableSpec people = spec.tables().stream().filter(t -> t.name().equals(a.personTable())).findFirst()
                .orElseThrow();
        String qis = a.quasiIdentifiers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> generalised(e.getKey(), e.getValue(), "t") + " AS " + Sql.id(e.getKey()))
                .collect(Collectors.joining(", "));
        String groupBy = a.quasiIdentifiers().keySet().stream().sorted().map(Sql::id).collect(Collectors.joining(", "));
        s.execute("CREATE TABLE work.qi AS SELECT DISTINCT m.project, " + qis + " FROM " + ExtractBuilder.source(people)
                + " t JOIN work.person_map m ON t." + ExtractBuilder.PERSON + " = m.lake WHERE "
                + OptOutExclusion.kept(people.optOutGroup(), "m.lake"));
        s.execute("CREATE TABLE work.kept AS SELECT q.project FROM work.qi q JOIN (SELECT " + groupBy
                + " FROM work.qi GROUP BY ALL HAVING count(DISTINCT project) >= " + a.minimumK() + ") g USING ("
                + groupBy + ")");
        long before = s.count("work.person_map");
        s.execute("DELETE FROM work.person_map WHERE project NOT IN (SELECT project FROM work.kept)");
        s.execute("CREATE TABLE work.groups AS SELECT " + groupBy + ", count(DISTINCT project) AS n FROM work.qi "
                + "WHERE project IN (SELECT project FROM work.kept) GROUP BY ALL");
        return before - s.count("work.person_map");
    }

    static OptionalInt smallestGroup(WorkSession s) {
        return s.single("SELECT min(n) FROM work.groups").map(n -> OptionalInt.of(Integer.parseInt(n)))
                .orElse(OptionalInt.empty());
    }

    /** For an anonymised extract: the person table's quasi-identifiers as configured, every event date to its month. */
    static Generalisation generalisation(ExtractSpec spec, TableSpec t, String column) {
        return spec.anonymisation().map(a -> {
            if (t.name().equals(a.personTable()) && a.quasiIdentifiers().containsKey(column)) {
                return a.quasiIdentifiers().get(column);
            }
            return t.dateColumn().filter(column::equals).map(d -> Generalisation.MONTH).orElse(Generalisation.KEEP);
        }).orElse(Generalisation.KEEP);
    }

    static String generalised(String column, Generalisation g, String alias) {
        String c = alias + "." + Sql.id(column);
        return switch (g) {
            case KEEP -> c;
            case YEAR -> "year(TRY_CAST(" + c + " AS DATE))";
            case MONTH -> "date_trunc('month', TRY_CAST(" + c + " AS DATE))";
            case DEPARTEMENT -> "CASE WHEN starts_with(CAST(" + c + " AS VARCHAR), '97') THEN left(CAST(" + c
                    + " AS VARCHAR), 3) ELSE left(CAST(" + c + " AS VARCHAR), 2) END";
        };
    }
}
