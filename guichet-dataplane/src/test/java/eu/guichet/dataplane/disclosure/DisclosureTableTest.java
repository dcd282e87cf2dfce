package eu.guichet.dataplane.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Building output tables from contributor rows: margins see each contributor's whole share; DuckDB re-runs a query. */
@Tag("unit")
class DisclosureTableTest {

    private static final Dimension YEAR = Dimension.of("year", "2023", "2024", "2025");

    @Test
    void a_margin_sees_a_contributor_spread_over_several_cells_as_one() {
        OutputTableBuilder b = OutputTable.summing(List.of(YEAR), 2);
        for (String year : YEAR.categories()) {
            b.add("H1", 400, year);
        }
        for (int h = 2; h < 14; h++) {
            b.add("H" + h, 100, YEAR.categories().get(h % 3));
        }
        OutputTable t = b.build();
        int total = t.shape().cell(Dimension.TOTAL);
        assertThat(t.largest(t.shape().cell("2024"), 0)).isEqualTo(400);
        assertThat(t.largest(total, 0)).isEqualTo(1200);
        assertThat(t.count(total)).isEqualTo(13);
        assertThat(t.sum(total)).isEqualTo(2400);
    }

    @Test
    void rows_of_one_contributor_in_one_cell_are_summed() {
        OutputTable t = OutputTable.summing(List.of(YEAR), 2).add("H1", 10, "2023").add("H1", 15, "2023")
                .add("H2", 20, "2023").build();
        int cell = t.shape().cell("2023");
        assertThat(t.count(cell)).isEqualTo(2);
        assertThat(t.largest(cell, 0)).isEqualTo(25);
        assertThat(t.largest(cell, 1)).isEqualTo(20);
    }

    @Test
    void a_person_in_two_cells_of_a_frequency_table_is_refused() {
        assertThatThrownBy(() -> OutputTable.counting(List.of(YEAR)).add("p1", 1, "2023").add("p1", 1, "2024"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one cell");
    }

    @Test
    void duckdb_rows_build_the_table_and_the_checks_see_each_contributor() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE stays (region VARCHAR, hospital VARCHAR, cost DOUBLE)");
            s.execute("INSERT INTO stays SELECT 'North', 'h' || (i % 12), 10 FROM range(120) t(i)");
            s.execute("INSERT INTO stays SELECT 'South', 'big', 5000 FROM range(3)");
            s.execute("INSERT INTO stays SELECT 'South', 'h' || (i % 12), 10 FROM range(120) t(i)");
            s.execute("INSERT INTO stays VALUES (NULL, 'h1', 10)");
            OutputTable t = ContributorRows.read(c, "SELECT region, hospital, cost FROM stays", List.of("region"),
                    "hospital", Optional.of("cost"), Optional.empty(), 2);
            assertThat(t.shape().dimensions().get(0).categories()).containsExactly("(missing)", "North", "South");
            int south = t.shape().cell("South");
            assertThat(t.count(south)).isEqualTo(13);
            assertThat(t.largest(south, 0)).isEqualTo(15000);
            DisclosureReport report = new DisclosureChecks(DisclosureConfig.DEFAULT).check(t, List.of());
            assertThat(report.reasons(south)).contains(Reason.DOMINANCE);
            assertThat(report.reasons(t.shape().cell("(missing)"))).contains(Reason.BELOW_THRESHOLD);
            assertThat(report.outcome("North")).isEqualTo(Outcome.PASS);
        }
    }

    @Test
    void a_query_error_keeps_only_its_sqlstate() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            assertThatThrownBy(() -> ContributorRows.read(c, "SELECT CAST('secret-value' AS INTEGER) AS x",
                    List.of("x"), "x", Optional.empty(), Optional.empty(), 2))
                    .isInstanceOf(DisclosureException.class).hasMessageContaining("SQLState")
                    .hasMessageNotContaining("secret-value");
        }
    }
}
