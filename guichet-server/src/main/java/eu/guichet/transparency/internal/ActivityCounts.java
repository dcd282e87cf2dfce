package eu.guichet.transparency.internal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.transparency.ActivityReport;

/** SQL for the activity report: counts over the applications received in a year (or ever). */
@Repository
class ActivityCounts {

    private static final String RECEIVED_IN_YEAR = """
            (cast(:year as integer) is null or extract(year from e.received_at at time zone :zone) = :year)
            """;

    private final JdbcClient jdbc;

    ActivityCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ActivityReport report(Optional<Integer> year, ZoneId zone) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", year.orElse(null));
        params.put("zone", zone.getId());
        Map<String, Object> decisions = jdbc.sql("""
                select count(*) filter (where e.kind = 'DATA_ACCESS') as applications,
                       count(*) filter (where e.kind = 'DATA_REQUEST') as data_requests,
                       count(*) filter (where d.outcome = 'GRANTED') as granted,
                       count(*) filter (where d.outcome = 'REFUSED') as refused,
                       count(*) filter (where d.outcome = 'STATISTICAL_ANSWER_OFFERED') as statistical,
                       avg(extract(epoch from d.decided_at - e.received_at) / 86400.0) as average_days
                from register_entry e left join register_decision d using (application_id)
                where """ + RECEIVED_IN_YEAR).params(params).query().singleRow();
        long revoked = count("""
                select count(*) from register_permit p join register_entry e using (application_id)
                where p.ended = 'REVOKED' and """ + RECEIVED_IN_YEAR, params);
        long results = count("""
                select count(*) from register_result r join register_permit p using (permit_id)
                join register_entry e using (application_id) where """ + RECEIVED_IN_YEAR, params);
        long measures = count("""
                select count(*) from register_enforcement_measure
                where cast(:year as integer) is null or extract(year from decided_on) = :year
                """, params);
        Object average = decisions.get("average_days");
        return new ActivityReport(year, number(decisions, "applications"), number(decisions, "data_requests"),
                number(decisions, "granted"), number(decisions, "refused"), number(decisions, "statistical"), revoked,
                Optional.ofNullable(average).map(a -> Math.round(((Number) a).doubleValue() * 10) / 10.0), results,
                measures);
    }

    private long count(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
