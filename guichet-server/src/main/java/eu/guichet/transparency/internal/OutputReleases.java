package eu.guichet.transparency.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import eu.guichet.disclosure.OutputReleased;

/** Counts the outputs released from each permit's workspace, for the register (once per output). */
@Component
class OutputReleases {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutputReleases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OutputReleased event) {
        jdbc.sql("insert into register_output_release (output_id, permit_id, released_at) values (?, ?, ?) "
                + "on conflict (output_id) do nothing").params(event.outputId().value(), event.permitId().value(),
                        Timestamp.from(clock.instant())).update();
    }
}
