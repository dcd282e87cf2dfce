package eu.guichet.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import eu.guichet.access.StatutoryClock;
import eu.guichet.access.StatutoryClocks;
import eu.guichet.access.StatutoryPeriod;

/**
 * A running statutory clock as its tables store it: {@code clock_period}, {@code clock_started_at},
 * {@code clock_extension} (the reasons) and {@code clock_extended_at}. Applications and holder requests share it.
 */
final class ClockColumns {

    private ClockColumns() {
    }

    /** The four column values to bind, in that order (all null when no clock runs). */
    static Object[] values(Optional<StatutoryClock> clock) {
        Optional<StatutoryClock.Extension> extension = clock.flatMap(StatutoryClock::extension);
        return new Object[] { clock.map(c -> c.period().name()).orElse(null),
                clock.map(c -> Timestamp.from(c.startedAt())).orElse(null),
                extension.map(StatutoryClock.Extension::reason).orElse(null),
                extension.map(e -> Timestamp.from(e.at())).orElse(null) };
    }

    /** The clock of the current row, with the stops recorded elsewhere (none for a period that allows none). */
    static Optional<StatutoryClock> read(ResultSet rs, StatutoryClocks clocks, List<StatutoryClock.Stop> stops)
            throws SQLException {
        String period = rs.getString("clock_period");
        if (period == null) {
            return Optional.empty();
        }
        String reason = rs.getString("clock_extension");
        return Optional.of(clocks.restore(StatutoryPeriod.valueOf(period),
                rs.getTimestamp("clock_started_at").toInstant(),
                reason == null ? null : new StatutoryClock.Extension(reason,
                        rs.getTimestamp("clock_extended_at").toInstant()), stops));
    }
}
