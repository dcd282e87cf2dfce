package eu.guichet.transparency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.PermitId;
import eu.guichet.access.Purpose;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.LocalizedText;
import eu.guichet.security.OrganisationId;
import eu.guichet.transparency.DatasetUse;
import eu.guichet.transparency.PermitStatus;
import eu.guichet.transparency.RegisterDataset;
import eu.guichet.transparency.RegisterDecision;
import eu.guichet.transparency.RegisterEntry;
import eu.guichet.transparency.RegisterPage;
import eu.guichet.transparency.RegisterPermit;
import eu.guichet.transparency.RegisterQuery;
import eu.guichet.transparency.ResultPublication;

/** SQL that reads the register: entries with their datasets, decision, permit and results, loaded page by page. */
@Repository
class RegisterReader {

    private static final String FILTERS = """
            from register_entry e
            left join register_application_status s on s.application_id = e.application_id
            where (cast(:status as text) is null or coalesce(s.status, 'SUBMITTED') = :status)
              and (cast(:purpose as text) is null or :purpose = any(e.purposes))
              and (cast(:dataset as uuid) is null
                   or exists (select 1 from register_entry_dataset d
                              where d.application_id = e.application_id and d.dataset_id = :dataset)
                   or exists (select 1 from register_permit p join register_permit_dataset pd using (permit_id)
                              where p.application_id = e.application_id and pd.dataset_id = :dataset))
              and (cast(:year as integer) is null
                   or extract(year from e.received_at at time zone :zone) = :year)
            """;

    private final JdbcClient jdbc;
    private final Results results;
    private final ResultsDue resultsDue;

    RegisterReader(JdbcClient jdbc, Results results, ResultsDue resultsDue) {
        this.jdbc = jdbc;
        this.results = results;
        this.resultsDue = resultsDue;
    }

    RegisterPage search(RegisterQuery q, ZoneId zone, Instant now) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", q.status().map(Enum::name).orElse(null));
        params.put("purpose", q.purpose().map(Enum::name).orElse(null));
        params.put("dataset", q.dataset().map(DatasetId::value).orElse(null));
        params.put("year", q.year().orElse(null));
        params.put("zone", zone.getId());
        long total = jdbc.sql("select count(*) " + FILTERS).params(params).query(Long.class).single();
        params.put("size", q.size());
        params.put("offset", q.offset());
        List<UUID> ids = jdbc.sql("select e.application_id " + FILTERS
                + " order by e.received_at desc, e.application_id limit :size offset :offset")
                .params(params).query(UUID.class).list();
        return new RegisterPage(entries(ids, now), q.page(), q.size(), total);
    }

    Optional<RegisterEntry> find(ApplicationId id, Instant now) {
        return entries(List.of(id.value()), now).stream().findFirst();
    }

    Optional<RegisterPermit> findPermit(PermitId id, Instant now) {
        return jdbc.sql("select * from register_permit where permit_id = ? and application_id is not null")
                .param(id.value())
                .query((rs, n) -> permit(rs, now)).optional();
    }

    /** The citizens' view: every use of a dataset under a permit, by dataset, newest application first. */
    List<DatasetUse> datasetUses() {
        return jdbc.sql("""
                select pd.dataset_id, pd.identifier, pd.title_fr, pd.title_en, e.organisation, e.application_id,
                       e.title, e.purposes, p.ended, p.last_change
                from register_permit_dataset pd
                join register_permit p using (permit_id)
                join register_entry e on e.application_id = p.application_id
                order by pd.identifier, e.received_at desc
                """).query((rs, n) -> new DatasetUse(dataset(rs), rs.getString("organisation"),
                        new ApplicationId(rs.getObject("application_id", UUID.class)), rs.getString("title"),
                        purposes(rs), status(rs)))
                .list();
    }

    /** Every dataset named by an entry or a permit, once, by identifier (for the register's dataset filter). */
    List<RegisterDataset> datasetsNamed() {
        return jdbc.sql("""
                select distinct on (dataset_id) dataset_id, identifier, title_fr, title_en from (
                    select dataset_id, identifier, title_fr, title_en from register_entry_dataset
                    union all
                    select dataset_id, identifier, title_fr, title_en from register_permit_dataset) named
                order by dataset_id, title_fr nulls last
                """).query((rs, n) -> dataset(rs)).list().stream()
                .sorted(java.util.Comparator.comparing(RegisterDataset::identifier)).toList();
    }

    /** The entries of these ids, in this order (batch loads, not one query per entry and part). */
    private List<RegisterEntry> entries(List<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RegisterDataset>> datasets = new LinkedHashMap<>();
        jdbc.sql("select * from register_entry_dataset where application_id in (:ids) order by position")
                .param("ids", ids).query(rs -> {
                    datasets.computeIfAbsent(rs.getObject("application_id", UUID.class), k -> new ArrayList<>())
                            .add(dataset(rs));
                });
        Map<UUID, RegisterDecision> decisions = new LinkedHashMap<>();
        jdbc.sql("select * from register_decision where application_id in (:ids)").param("ids", ids)
                .query(rs -> {
                    decisions.put(rs.getObject("application_id", UUID.class), decision(rs));
                });
        Map<UUID, RegisterPermit> permits = new LinkedHashMap<>();
        jdbc.sql("select * from register_permit where application_id in (:ids) order by granted_at")
                .param("ids", ids)
                .query(rs -> {
                    permits.put(rs.getObject("application_id", UUID.class), permit(rs, now));
                });
        Map<UUID, RegisterEntry> byId = new LinkedHashMap<>();
        jdbc.sql("""
                select e.*, coalesce(s.status, 'SUBMITTED') as status, coalesce(s.changed_at, e.received_at) as changed
                from register_entry e left join register_application_status s on s.application_id = e.application_id
                where e.application_id in (:ids)
                """).param("ids", ids).query(rs -> {
            UUID id = rs.getObject("application_id", UUID.class);
            byId.put(id, new RegisterEntry(new ApplicationId(id), ApplicationKind.valueOf(rs.getString("kind")),
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("organisation"),
                    rs.getString("title"), purposes(rs), datasets.getOrDefault(id, List.of()),
                    instant(rs, "received_at"), ApplicationStatus.valueOf(rs.getString("status")),
                    instant(rs, "changed"), Optional.ofNullable(decisions.get(id)),
                    Optional.ofNullable(permits.get(id))));
        });
        return ids.stream().map(byId::get).filter(e -> e != null).toList();
    }

    private RegisterPermit permit(ResultSet rs, Instant now) throws SQLException {
        UUID id = rs.getObject("permit_id", UUID.class);
        List<RegisterDataset> datasets = jdbc.sql(
                "select * from register_permit_dataset where permit_id = ? order by position").param(id)
                .query((r, n) -> dataset(r)).list();
        List<ResultPublication> published = results.listFor(new PermitId(id));
        Instant granted = instant(rs, "granted_at");
        Instant validUntil = Optional.ofNullable(rs.getTimestamp("extended_until")).orElse(
                rs.getTimestamp("planned_until")).toInstant();
        Optional<Instant> endedAt = Optional.ofNullable(rs.getTimestamp("ended_at")).map(Timestamp::toInstant);
        Optional<Instant> lastChange = Optional.ofNullable(rs.getTimestamp("last_change_at")).map(Timestamp::toInstant);
        Instant changed = endedAt.or(() -> lastChange).orElse(granted);
        Instant due = resultsDue.after(endedAt.orElse(validUntil));
        int version = Math.max(1, rs.getInt("last_version"));
        return new RegisterPermit(new PermitId(id), new ApplicationId(rs.getObject("application_id", UUID.class)),
                version, status(rs), datasets, granted, validUntil, changed,
                Optional.ofNullable(rs.getString("revocation_reason")), endedAt, due, published,
                published.isEmpty() && !now.isBefore(due), jdbc.sql(
                        "select count(*) from register_output_release where permit_id = ?").param(id)
                        .query(Integer.class).single());
    }

    /** Ended (revoked, expired) over the latest change (amended, extended) over granted. */
    private static PermitStatus status(ResultSet rs) throws SQLException {
        String ended = rs.getString("ended");
        String change = rs.getString("last_change");
        return ended != null ? PermitStatus.valueOf(ended)
                : change != null ? PermitStatus.valueOf(change) : PermitStatus.GRANTED;
    }

    private static RegisterDecision decision(ResultSet rs) throws SQLException {
        return new RegisterDecision(DecisionOutcome.valueOf(rs.getString("outcome")), rs.getString("justification"),
                Optional.ofNullable(rs.getObject("permit_id", UUID.class)).map(PermitId::new),
                rs.getString("document_sha256"), instant(rs, "decided_at"), instant(rs, "publication_due_at"),
                instant(rs, "published_at"));
    }

    private static RegisterDataset dataset(ResultSet rs) throws SQLException {
        return new RegisterDataset(new DatasetId(rs.getObject("dataset_id", UUID.class)), rs.getString("identifier"),
                LocalizedText.of(rs.getString("title_fr"), rs.getString("title_en")));
    }

    private static Set<Purpose> purposes(ResultSet rs) throws SQLException {
        Set<Purpose> set = EnumSet.noneOf(Purpose.class);
        Arrays.stream((String[]) rs.getArray("purposes").getArray()).map(Purpose::valueOf).forEach(set::add);
        return set;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
