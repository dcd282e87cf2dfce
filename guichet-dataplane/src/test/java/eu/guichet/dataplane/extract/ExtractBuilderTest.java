package eu.guichet.dataplane.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.guichet.dataplane.extract.ExtractSpec.Anonymisation;
import eu.guichet.dataplane.extract.ExtractSpec.Generalisation;
import eu.guichet.dataplane.extract.ExtractSpec.TableSpec;
import eu.guichet.dataplane.pseudonym.IdentifierDomain;
import eu.guichet.dataplane.pseudonym.Pseudonymiser;
import eu.guichet.dataplane.pseudonym.TestKeys;
import eu.guichet.dataplane.tabular.Sql;

/**
 * Permit extracts on real Parquet files and DuckDB: the period and the allowed columns, opt-outs (also across a key
 * rotation), per-project pseudonyms, k-anonymity, the evidence, and nothing left behind by a failed build.
 */
@Tag("integration")
class ExtractBuilderTest {

    private static final int PERSONS = 40;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final Pseudonymiser lakeKeys = new Pseudonymiser(TestKeys.store(1));
    private final List<String> persons = new ArrayList<>();
    private Path beneficiaries;
    private Path claims;

    /** 40 persons (national pseudonyms under key 1), each with 3 claims in 2018, 2020 and 2023. */
    @BeforeEach
    void writeLake() throws Exception {
        for (int i = 0; i < PERSONS; i++) {
            persons.add(lakeKeys.pseudonym(IdentifierDomain.NATIONAL, "1" + String.format("%012d", 850575000000L + i)));
        }
        beneficiaries = dir.resolve("lake/BENEFICIAIRE.parquet");
        claims = dir.resolve("lake/PRESTATIONS.parquet");
        Files.createDirectories(beneficiaries.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE b (BEN_NIR_PSA VARCHAR, BEN_NAI_DTE DATE, BEN_SEX_COD VARCHAR, BEN_CP VARCHAR)");
            s.execute("CREATE TABLE p (BEN_NIR_PSA VARCHAR, EXE_SOI_DTD DATE, PRS_NAT_REF VARCHAR, PRS_PAI_MNT DOUBLE)");
            try (PreparedStatement b = c.prepareStatement("INSERT INTO b VALUES (?, ?, ?, ?)");
                    PreparedStatement p = c.prepareStatement("INSERT INTO p VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < PERSONS; i++) {
                    // 36 persons born in 1960 or 1970 in Paris (75), 4 with a rare combination: born 1999 in Guadeloupe
                    boolean rare = i >= 36;
                    b.setString(1, persons.get(i));
                    b.setObject(2, LocalDate.of(rare ? 1999 : 1960 + 10 * (i % 2), 1 + i % 12, 1 + i % 28));
                    b.setString(3, i % 2 == 0 ? "1" : "2");
                    b.setString(4, rare ? "97110" : "750" + String.format("%02d", i % 20));
                    b.executeUpdate();
                    for (int year : new int[] { 2018, 2020, 2023 }) {
                        p.setString(1, persons.get(i));
                        p.setObject(2, LocalDate.of(year, 3, 1 + i % 28));
                        p.setString(3, "1111");
                        p.setDouble(4, 25.0);
                        p.executeUpdate();
                    }
                }
            }
            s.execute("COPY b TO " + Sql.path(beneficiaries) + " (FORMAT PARQUET)");
            s.execute("COPY p TO " + Sql.path(claims) + " (FORMAT PARQUET)");
        }
    }

    @Test
    void an_extract_holds_the_permitted_rows_and_columns_under_project_pseudonyms_without_opted_out_persons()
            throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        String optedOut = persons.get(0);

        ExtractEvidence evidence = builder.build(pseudonymised("permit-a-v1"), "permit-a", snapshot(optedOut));

        Path db = builder.location("permit-a-v1").resolve("extract.duckdb");
        assertThat(evidence.optedOutInSnapshot()).isEqualTo(1);
        assertThat(evidence.personsExcluded()).isEqualTo(1);
        assertThat(evidence.personsIncluded()).isEqualTo(PERSONS - 1);
        assertThat(evidence.tables()).containsExactly(new ExtractEvidence.TableCount("BENEFICIAIRE", PERSONS - 1),
                new ExtractEvidence.TableCount("PRESTATIONS", 2L * (PERSONS - 1)));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly());
                Statement s = c.createStatement()) {
            assertThat(columns(s, "PRESTATIONS")).containsExactly("person_id", "EXE_SOI_DTD", "PRS_PAI_MNT");
            assertThat(strings(s, "SELECT DISTINCT year(EXE_SOI_DTD)::VARCHAR FROM PRESTATIONS"))
                    .containsExactlyInAnyOrder("2020", "2023");
            Set<String> ids = strings(s, "SELECT person_id FROM BENEFICIAIRE");
            assertThat(ids).doesNotContainAnyElementsOf(persons).allMatch(p -> p.startsWith("p"));
            assertThat(ids).doesNotContain(lakeKeys.forProject("permit-a").pseudonym(optedOut));
        }
        ExtractEvidence stored = builder.evidence("permit-a-v1");
        assertThat(stored).isEqualTo(evidence);
        for (ExtractEvidence.FileHash f : evidence.files()) {
            assertThat(ExtractBuilder.sha256(builder.location("permit-a-v1").resolve(f.path()))).isEqualTo(f.sha256());
        }
        assertThat(evidence.files()).extracting(ExtractEvidence.FileHash::path).contains("extract.duckdb",
                "parquet/BENEFICIAIRE.parquet", "parquet/PRESTATIONS.parquet");
    }

    @Test
    void a_single_table_extract_holds_each_row_once() throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        ExtractSpec claimsOnly = new ExtractSpec("permit-c-v1", List.of(tables().get(1)), Optional.empty(),
                Optional.empty(), Optional.empty());

        ExtractEvidence evidence = builder.build(claimsOnly, "permit-c", OptOutSnapshot.none());

        assertThat(evidence.tables()).containsExactly(new ExtractEvidence.TableCount("PRESTATIONS", 3L * PERSONS));
        assertThat(evidence.personsIncluded()).isEqualTo(PERSONS);
    }

    @Test
    void two_projects_share_no_pseudonym() throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        builder.build(pseudonymised("permit-a-v1"), "permit-a", OptOutSnapshot.none());
        builder.build(pseudonymised("permit-b-v1"), "permit-b", OptOutSnapshot.none());

        Set<String> a = personIds(builder, "permit-a-v1");
        Set<String> b = personIds(builder, "permit-b-v1");
        assertThat(a).hasSize(PERSONS);
        assertThat(b).hasSize(PERSONS).doesNotContainAnyElementsOf(a);
    }

    @Test
    void an_opt_out_registered_under_a_newer_key_still_excludes_the_person() throws Exception {
        Pseudonymiser rotated = new Pseudonymiser(TestKeys.store(2));
        String optedOutNow = rotated.pseudonym(IdentifierDomain.NATIONAL, "1" + String.format("%012d", 850575000003L));
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), rotated, CLOCK);

        ExtractEvidence evidence = builder.build(pseudonymised("permit-c-v1"), "permit-c", snapshot(optedOutNow));

        assertThat(evidence.personsExcluded()).isEqualTo(1);
        assertThat(personIds(builder, "permit-c-v1")).hasSize(PERSONS - 1)
                .doesNotContain(rotated.forProject("permit-c").pseudonym(persons.get(3)));
    }

    @Test
    void an_anonymised_extract_generalises_and_suppresses_until_every_group_has_k_persons() throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        ExtractSpec spec = new ExtractSpec("permit-d-v1", tables(), Optional.empty(), Optional.empty(),
                Optional.of(new Anonymisation(5, "BENEFICIAIRE", Map.of("BEN_NAI_DTE", Generalisation.YEAR,
                        "BEN_SEX_COD", Generalisation.KEEP, "BEN_CP", Generalisation.DEPARTEMENT))));

        ExtractEvidence evidence = builder.build(spec, "permit-d", OptOutSnapshot.none());

        assertThat(evidence.personsSuppressed()).isEqualTo(4);
        assertThat(evidence.personsIncluded()).isEqualTo(PERSONS - 4);
        assertThat(evidence.kAchieved()).isPresent();
        assertThat(evidence.kAchieved().getAsInt()).isGreaterThanOrEqualTo(5);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + builder.location("permit-d-v1")
                .resolve("extract.duckdb"), readOnly()); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT DISTINCT BEN_CP FROM BENEFICIAIRE")).containsExactly("75");
            assertThat(strings(s, "SELECT DISTINCT BEN_NAI_DTE::VARCHAR FROM BENEFICIAIRE"))
                    .containsExactlyInAnyOrder("1960", "1970");
            assertThat(strings(s, "SELECT min(n)::VARCHAR FROM (SELECT count(*) AS n FROM BENEFICIAIRE GROUP BY ALL)"))
                    .allMatch(n -> Integer.parseInt(n) >= 5);
            assertThat(strings(s, "SELECT DISTINCT day(EXE_SOI_DTD)::VARCHAR FROM PRESTATIONS")).containsExactly("1");
        }
    }

    @Test
    void a_failed_build_leaves_no_extract_and_no_staging_and_an_extract_is_never_overwritten() throws Exception {
        Path root = dir.resolve("extracts");
        ExtractBuilder builder = new ExtractBuilder(root, lakeKeys, CLOCK);
        ExtractSpec broken = new ExtractSpec("permit-e-v1", List.of(new TableSpec("PRESTATIONS", List.of(claims),
                "BEN_NIR_PSA", List.of("NO_SUCH_COLUMN"), Optional.empty())), Optional.empty(), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> builder.build(broken, "permit-e", OptOutSnapshot.none()))
                .isInstanceOf(ExtractException.class).hasMessageNotContaining("1850575");
        assertThat(root.resolve("permit-e-v1")).doesNotExist();
        try (var leftovers = Files.list(root)) {
            assertThat(leftovers).isEmpty();
        }

        builder.build(pseudonymised("permit-f-v1"), "permit-f", OptOutSnapshot.none());
        assertThatThrownBy(() -> builder.build(pseudonymised("permit-f-v1"), "permit-f", OptOutSnapshot.none()))
                .isInstanceOf(ExtractException.class).hasMessageContaining("already exists");
    }

    @Test
    void tables_added_by_an_amendment_apply_the_later_opt_outs_and_the_granted_ones_the_earlier() throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        List<TableSpec> t = tables();
        ExtractSpec spec = new ExtractSpec("permit-g-v2", List.of(t.get(0), new TableSpec("PRESTATIONS",
                List.of(claims), "BEN_NIR_PSA", List.of("EXE_SOI_DTD"), Optional.empty(), Optional.empty(),
                "amendment", List.of())), Optional.empty(), Optional.empty(), Optional.empty());
        // person 0 opted out before the grant; person 1 between the grant and the amendment
        ExtractEvidence evidence = builder.build(spec, lakeKeys.forProject("permit-g"), Map.of(TableSpec.DEFAULT_GROUP,
                snapshot(persons.get(0)), "amendment", snapshot(persons.get(0), persons.get(1))),
                ExtractObserver.NONE);

        assertThat(evidence.optOuts()).containsExactly(new ExtractEvidence.OptOutsApplied("amendment", 2, 2),
                new ExtractEvidence.OptOutsApplied(TableSpec.DEFAULT_GROUP, 1, 1));
        assertThat(evidence.tables()).containsExactly(new ExtractEvidence.TableCount("BENEFICIAIRE", PERSONS - 1),
                new ExtractEvidence.TableCount("PRESTATIONS", 3L * (PERSONS - 2)));
        String late = lakeKeys.forProject("permit-g").pseudonym(persons.get(1));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + builder.location("permit-g-v2")
                .resolve("extract.duckdb"), readOnly()); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT person_id FROM BENEFICIAIRE")).contains(late);
            assertThat(strings(s, "SELECT person_id FROM PRESTATIONS")).doesNotContain(late);
        }
    }

    @Test
    void a_permit_keeps_its_pseudonyms_after_a_key_rotation_and_a_referencing_table_finds_its_person()
            throws Exception {
        Path visits = dir.resolve("lake/VISITS.parquet");
        Path links = dir.resolve("lake/PATIENTS.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            // local-6 has no national identifier: its rows cannot be checked against opt-outs and are left out
            s.execute("COPY (SELECT 'local-5' AS patient_id, " + Sql.literal(persons.get(5))
                    + " AS nir UNION ALL SELECT 'local-6', NULL) TO " + Sql.path(links) + " (FORMAT PARQUET)");
            s.execute("COPY (SELECT 'local-5' AS patient_id, DATE '2020-01-01' AS visit UNION ALL "
                    + "SELECT 'local-6', DATE '2020-01-02') TO " + Sql.path(visits) + " (FORMAT PARQUET)");
        }
        TableSpec linked = new TableSpec("VISITS", List.of(visits), "patient_id", List.of("patient_id", "visit"),
                Optional.empty(), Optional.of(new ExtractSpec.PersonLink(List.of(links), "patient_id", "nir")),
                TableSpec.DEFAULT_GROUP, List.of());
        ExtractSpec first = new ExtractSpec("permit-h-v1", List.of(linked), Optional.empty(), Optional.empty(),
                Optional.empty());
        ExtractBuilder before = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        before.build(first, lakeKeys.forProject("permit-h", 1), Map.of(TableSpec.DEFAULT_GROUP,
                OptOutSnapshot.none()), ExtractObserver.NONE);
        Pseudonymiser rotated = new Pseudonymiser(TestKeys.store(2));
        ExtractBuilder after = new ExtractBuilder(dir.resolve("extracts"), rotated, CLOCK);
        ExtractEvidence second = after.build(new ExtractSpec("permit-h-v2", List.of(linked), Optional.empty(),
                Optional.empty(), Optional.empty()), rotated.forProject("permit-h", 1),
                Map.of(TableSpec.DEFAULT_GROUP, OptOutSnapshot.none()), ExtractObserver.NONE);

        assertThat(second.keyVersion()).isEqualTo(1);
        Set<String> v1 = visitors(before, "permit-h-v1");
        assertThat(v1).hasSize(1).containsExactly(lakeKeys.forProject("permit-h").pseudonym(persons.get(5)));
        assertThat(visitors(after, "permit-h-v2")).isEqualTo(v1);
        assertThat(rotated.forProject("permit-h").pseudonym(persons.get(5))).isNotIn(v1);
    }

    @Test
    void population_filters_leave_out_the_persons_outside_it_from_every_table() throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        // born in 1970 (persons 1, 3, 5... of the 36 common ones), sex 2, living in Paris
        Population women1970 = new Population(List.of(beneficiaries), "BEN_NIR_PSA", List.of(
                new Population.AgeBetween("BEN_NAI_DTE", false, Optional.of(50), Optional.of(59),
                        LocalDate.of(2024, 1, 1)),
                new Population.ValueIn("BEN_SEX_COD", Set.of("2")), new Population.PrefixIn("BEN_CP", Set.of("75"))));
        ExtractSpec spec = new ExtractSpec("permit-i-v1", tables(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(women1970));

        ExtractEvidence evidence = builder.build(spec, "permit-i", OptOutSnapshot.none());

        assertThat(evidence.personsIncluded()).isEqualTo(18);
        assertThat(evidence.personsOutsidePopulation()).isEqualTo(PERSONS - 18);
        assertThat(evidence.tables()).contains(new ExtractEvidence.TableCount("PRESTATIONS", 3L * 18));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + builder.location("permit-i-v1")
                .resolve("extract.duckdb"), readOnly()); Statement s = c.createStatement()) {
            assertThat(strings(s, "SELECT DISTINCT BEN_SEX_COD || year(BEN_NAI_DTE) FROM BENEFICIAIRE"))
                    .containsExactly("21970");
        }
    }

    @Test
    void record_identifiers_are_rekeyed_per_project() throws Exception {
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), lakeKeys, CLOCK);
        for (String permit : List.of("permit-j", "permit-k")) {
            ExtractSpec spec = new ExtractSpec(permit + "-v1", List.of(new TableSpec("PRESTATIONS", List.of(claims),
                    "BEN_NIR_PSA", List.of("PRS_NAT_REF", "EXE_SOI_DTD"), Optional.empty(), Optional.empty(),
                    TableSpec.DEFAULT_GROUP, List.of("PRS_NAT_REF"))), Optional.empty(), Optional.empty(),
                    Optional.empty());
            builder.build(spec, permit, OptOutSnapshot.none());
        }
        Set<String> j = refs(builder, "permit-j-v1");
        Set<String> k = refs(builder, "permit-k-v1");
        assertThat(j).hasSize(1).allMatch(r -> r.startsWith("r") && r.length() == 53).doesNotContain("1111");
        assertThat(k).hasSize(1).doesNotContainAnyElementsOf(j);
    }

    @Test
    void the_rows_are_the_lake_rows_in_scope_under_each_persons_project_pseudonym_in_both_copies() throws Exception {
        // a lake mixing key versions: even persons' claims under key 1, odd persons' under key 2, and person 0's also
        // under key 2 (two lake pseudonyms, one person); the builder's current key is 2
        Pseudonymiser rotated = new Pseudonymiser(TestKeys.store(2));
        Path mixed = dir.resolve("lake/MIXED.parquet");
        List<String[]> lake = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            String nir = "1" + String.format("%012d", 850575000000L + i);
            String v1 = lakeKeys.pseudonym(IdentifierDomain.NATIONAL, nir);
            String v2 = rotated.pseudonym(IdentifierDomain.NATIONAL, nir);
            for (int year = 2017; year <= 2025; year += 2) {
                lake.add(new String[] {i % 2 == 0 ? v1 : v2, year + "-06-" + (10 + i % 18),
                        Integer.toString(i * 7 + year)});
            }
            if (i == 0) {
                lake.add(new String[] {v2, "2020-02-02", "1"});
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE m (NIR VARCHAR, DTE DATE, MNT INTEGER)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO m VALUES (?, CAST(? AS DATE), ?)")) {
                for (String[] row : lake) {
                    insert.setString(1, row[0]);
                    insert.setString(2, row[1]);
                    insert.setInt(3, Integer.parseInt(row[2]));
                    insert.executeUpdate();
                }
            }
            s.execute("COPY m TO " + Sql.path(mixed) + " (FORMAT PARQUET)");
        }
        // opted out under the current key: person 3 (lake key 2) and person 4 (lake key 1)
        Set<String> optOuts = Set.of(rotated.upgrade(lakeKeys.pseudonym(IdentifierDomain.NATIONAL, "1850575000003")),
                rotated.upgrade(lakeKeys.pseudonym(IdentifierDomain.NATIONAL, "1850575000004")));
        ExtractSpec spec = new ExtractSpec("permit-z-v1", List.of(new TableSpec("MIXED", List.of(mixed), "NIR",
                List.of("DTE", "MNT"), Optional.of("DTE"))), Optional.of(LocalDate.of(2019, 1, 1)),
                Optional.of(LocalDate.of(2023, 12, 31)), Optional.empty());
        ExtractBuilder builder = new ExtractBuilder(dir.resolve("extracts"), rotated, CLOCK);

        ExtractEvidence evidence = builder.build(spec, "permit-z", snapshot(optOuts.toArray(String[]::new)));

        // what the per-person algorithm gives: each lake row in the period whose person (brought to the current key)
        // did not opt out, under ProjectPseudonymiser's pseudonym of its lake pseudonym
        var project = rotated.forProject("permit-z");
        List<String> expected = new ArrayList<>();
        Set<String> lakeExcluded = new HashSet<>();
        for (String[] row : lake) {
            LocalDate date = LocalDate.parse(row[1]);
            if (date.isBefore(LocalDate.of(2019, 1, 1)) || date.isAfter(LocalDate.of(2023, 12, 31))) {
                continue;
            }
            if (optOuts.contains(rotated.upgrade(row[0]))) {
                lakeExcluded.add(row[0]);
                continue;
            }
            expected.add(project.pseudonym(row[0]) + "|" + row[1] + "|" + row[2]);
        }
        Set<String> expectedPersons = new HashSet<>();
        expected.forEach(r -> expectedPersons.add(r.substring(0, r.indexOf('|'))));
        assertThat(expectedPersons).hasSize(PERSONS - 2);
        Path built = builder.location("permit-z-v1");
        String rows = "SELECT person_id || '|' || DTE || '|' || MNT FROM ";
        List<String> table;
        List<String> parquet;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + built.resolve("extract.duckdb"), readOnly());
                Statement s = c.createStatement()) {
            table = list(s, rows + "MIXED");
            parquet = list(s, rows + "read_parquet(" + Sql.path(built.resolve("parquet/MIXED.parquet")) + ")");
        }
        assertThat(table).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(parquet).isEqualTo(table);
        assertThat(evidence.tables()).containsExactly(new ExtractEvidence.TableCount("MIXED", expected.size()));
        assertThat(evidence.personsIncluded()).isEqualTo(expectedPersons.size());
        assertThat(evidence.personsExcluded()).isEqualTo(lakeExcluded.size());
        assertThat(evidence.files()).extracting(ExtractEvidence.FileHash::path)
                .containsExactly("extract.duckdb", "parquet/MIXED.parquet");
        for (ExtractEvidence.FileHash f : evidence.files()) {
            assertThat(ExtractBuilder.sha256(built.resolve(f.path()))).isEqualTo(f.sha256());
            assertThat(Files.size(built.resolve(f.path()))).isEqualTo(f.bytes());
        }
    }

    private static List<String> list(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Set<String> refs(ExtractBuilder builder, String extract) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + builder.location(extract)
                .resolve("extract.duckdb"), readOnly()); Statement s = c.createStatement()) {
            return strings(s, "SELECT DISTINCT PRS_NAT_REF FROM PRESTATIONS");
        }
    }

    private static Set<String> visitors(ExtractBuilder builder, String extract) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + builder.location(extract)
                .resolve("extract.duckdb"), readOnly()); Statement s = c.createStatement()) {
            assertThat(columns(s, "VISITS")).containsExactly("person_id", "visit");
            return strings(s, "SELECT person_id FROM VISITS");
        }
    }

    private ExtractSpec pseudonymised(String id) {
        return new ExtractSpec(id, tables(), Optional.of(LocalDate.of(2019, 1, 1)), Optional.of(LocalDate.of(2024, 12, 31)),
                Optional.empty());
    }

    private List<TableSpec> tables() {
        return List.of(new TableSpec("BENEFICIAIRE", List.of(beneficiaries), "BEN_NIR_PSA",
                List.of("BEN_NAI_DTE", "BEN_SEX_COD", "BEN_CP"), Optional.empty()),
                new TableSpec("PRESTATIONS", List.of(claims), "BEN_NIR_PSA", List.of("EXE_SOI_DTD", "PRS_PAI_MNT"),
                        Optional.of("EXE_SOI_DTD")));
    }

    private static OptOutSnapshot snapshot(String... pseudonyms) {
        return consumer -> List.of(pseudonyms).forEach(consumer);
    }

    private static Set<String> personIds(ExtractBuilder builder, String extract) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + builder.location(extract)
                .resolve("extract.duckdb"), readOnly()); Statement s = c.createStatement()) {
            return strings(s, "SELECT person_id FROM BENEFICIAIRE");
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    private static List<String> columns(Statement s, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Set<String> strings(Statement s, String sql) throws Exception {
        Set<String> values = new HashSet<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
