package eu.guichet.dataplane.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A failed delivery's exception says what kind of failure it was, never what the engine quoted from the data. */
@Tag("unit")
class DeliveryExceptionTest {

    @Test
    void the_engine_message_which_may_quote_a_cell_is_not_kept() {
        SQLException engine = new SQLException("Conversion Error: could not convert string '1840275115423' to INT32",
                "22018");
        DeliveryException e = new DeliveryException("The work database of DS failed", engine);
        assertThat(e.getMessage()).isEqualTo("The work database of DS failed (SQLException, SQLState 22018)");
        assertThat(e.getCause()).isNull();
        assertThat(e.getStackTrace()).isNotEmpty();
    }
}
