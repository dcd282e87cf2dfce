package eu.guichet.extract.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.PermitId;
import eu.guichet.extract.ExtractState;
import eu.guichet.extract.ExtractStatus;

/** {@code permit_extract} and {@code extract_project_key}. */
@Repository
class ExtractRepository {

    private static final String COLUMNS = "permit_id, version, extract_id, status, step, tables_written, tables_total,"
            + " reason, scope::text, evidence::text, requested_at, updated_at, built_at";

    private final JdbcClient jdbc;

    ExtractRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PermitId permit, int version, String extractId, ExtractStatus status, String scope, Instant at) {
        jdbc.sql("""
                insert into permit_extract (permit_id, version, extract_id, status, scope, requested_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing""")
                .params(permit.value(), version, extractId, status.name(), scope, ts(at), ts(at)).update();
    }

    Optional<ExtractState> find(PermitId permit, int version) {
        return jdbc.sql("select " + COLUMNS + " from permit_extract where permit_id = ? and version = ?")
                .params(permit.value(), version).query(ExtractRepository::row).optional();
    }

    Optional<ExtractState> findForUpdate(PermitId permit, int version) {
        return jdbc.sql("select " + COLUMNS + " from permit_extract where permit_id = ? and version = ? for update")
                .params(permit.value(), version).query(ExtractRepository::row).optional();
    }

    /** The permit's latest version's extract. */
    Optional<ExtractState> latest(PermitId permit) {
        return jdbc.sql("select " + COLUMNS + " from permit_extract where permit_id = ? order by version desc limit 1")
                .param(permit.value()).query(ExtractRepository::row).optional();
    }

    List<ExtractState> withStatus(ExtractStatus status) {
        return jdbc.sql("select " + COLUMNS + " from permit_extract where status = ? order by requested_at")
                .param(status.name()).query(ExtractRepository::row).list();
    }

    List<ExtractState> olderThan(PermitId permit, int version) {
        return jdbc.sql("select " + COLUMNS + " from permit_extract where permit_id = ? and version < ?")
                .params(permit.value(), version).query(ExtractRepository::row).list();
    }

    /** Records when the permit ended (revoked or expired) on its extracts, once. */
    void permitEnded(PermitId permit, Instant at) {
        jdbc.sql("update permit_extract set permit_ended_at = ? where permit_id = ? and permit_ended_at is null")
                .params(ts(at), permit.value()).update();
    }

    /** Extracts whose permit ended before {@code cutoff}, not deleted yet and not being built. */
    List<ExtractState> endedBefore(Instant cutoff) {
        return jdbc.sql("select " + COLUMNS + " from permit_extract where permit_ended_at < ? and status not in"
                + " ('DELETED', 'BUILDING') order by permit_ended_at").param(ts(cutoff))
                .query(ExtractRepository::row).list();
    }

    /** Moves the status if it is still {@code from}; false when it moved meanwhile. */
    boolean move(PermitId permit, int version, ExtractStatus from, ExtractStatus to, Optional<String> reason,
            Instant at) {
        return jdbc.sql("""
                update permit_extract set status = ?, reason = ?, updated_at = ?, step = null, tables_written = 0
                where permit_id = ? and version = ? and status = ?""")
                .params(to.name(), reason.orElse(null), ts(at), permit.value(), version, from.name()).update() == 1;
    }

    boolean ready(PermitId permit, int version, String evidence, Instant at) {
        return jdbc.sql("""
                update permit_extract set status = 'READY', evidence = ?::jsonb, updated_at = ?, built_at = ?,
                step = null, reason = null where permit_id = ? and version = ? and status = 'BUILDING'""")
                .params(evidence, ts(at), ts(at), permit.value(), version).update() == 1;
    }

    void progress(PermitId permit, int version, String step, int written, int total) {
        jdbc.sql("""
                update permit_extract set step = ?, tables_written = ?, tables_total = ?
                where permit_id = ? and version = ? and status = 'BUILDING'""")
                .params(step, written, total, permit.value(), version).update();
    }

    /** The evidence of a refused build (the scope as mapped and the reason), shown like a built one's. */
    void evidence(PermitId permit, int version, String evidence) {
        jdbc.sql("update permit_extract set evidence = ?::jsonb where permit_id = ? and version = ?")
                .params(evidence, permit.value(), version).update();
    }

    /** The key version of the permit's project pseudonyms: the recorded one, or {@code current} recorded now. */
    int projectKeyVersion(PermitId permit, int current, Instant at) {
        jdbc.sql("insert into extract_project_key (permit_id, key_version, recorded_at) values (?, ?, ?) "
                + "on conflict (permit_id) do nothing").params(permit.value(), current, ts(at)).update();
        return jdbc.sql("select key_version from extract_project_key where permit_id = ?").param(permit.value())
                .query(Integer.class).single();
    }

    private static ExtractState row(ResultSet rs, int n) throws SQLException {
        return new ExtractState(new PermitId(rs.getObject(1, UUID.class)), rs.getInt(2), rs.getString(3),
                ExtractStatus.valueOf(rs.getString(4)), Optional.ofNullable(rs.getString(5)), rs.getInt(6),
                rs.getInt(7), Optional.ofNullable(rs.getString(8)), rs.getString(9),
                Optional.ofNullable(rs.getString(10)), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(), Optional.ofNullable(rs.getTimestamp(13)).map(Timestamp::toInstant));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
