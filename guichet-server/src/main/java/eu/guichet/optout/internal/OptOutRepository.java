package eu.guichet.optout.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.optout.OptOutId;
import eu.guichet.optout.OptOutImportId;
import eu.guichet.optout.OptOutPeriod;
import eu.guichet.optout.OptOutSource;
import eu.guichet.security.UserId;

/** SQL for opt-outs. Pseudonyms only: no method takes or returns a national identifier. */
@Repository
public class OptOutRepository {

    /** Rows fetched per round trip when streaming a snapshot (PostgreSQL streams only inside a transaction). */
    static final int FETCH_SIZE = 10_000;

    /**
     * An opt-out in effect at a reference instant: it took effect strictly before it and was not withdrawn before
     * it. The same rule as {@link OptOutPeriod#inEffectAt(Instant)}.
     */
    private static final String IN_EFFECT_AT = "effective_at < ? and (withdrawn_at is null or withdrawn_at >= ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    OptOutRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(FETCH_SIZE);
    }

    public List<OptOutPeriod> history(String pseudonym) {
        return jdbc.sql("""
                select id, source, effective_at, withdrawn_at from opt_out where pseudonym = ?
                order by effective_at, id
                """).param(pseudonym).query(OptOutRepository::period).list();
    }

    public Optional<OptOutPeriod> findInEffect(String pseudonym) {
        return jdbc.sql("select id, source, effective_at, withdrawn_at from opt_out where pseudonym = ? "
                + "and withdrawn_at is null").param(pseudonym).query(OptOutRepository::period).optional();
    }

    /**
     * Registers an opt-out unless one is in effect for this pseudonym already.
     *
     * @return whether a row was inserted
     */
    public boolean insertIfNoneInEffect(OptOutId id, String pseudonym, OptOutSource source, UserId by,
            OptOutImportId importId, Instant effectiveAt) {
        return jdbc.sql(INSERT).params(id.value(), pseudonym, source.name(), by.value(),
                importId == null ? null : importId.value(), Timestamp.from(effectiveAt)).update() == 1;
    }

    private static final String INSERT = """
            insert into opt_out (id, pseudonym, source, registered_by, import_id, effective_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (pseudonym) where withdrawn_at is null do nothing
            """;

    /**
     * Registers a batch of imported opt-outs in one statement (the pseudonyms travel as one array), skipping
     * pseudonyms with an opt-out in effect.
     *
     * @return how many were inserted
     */
    public int insertImported(List<String> pseudonyms, UserId by, OptOutImportId importId, Instant effectiveAt) {
        return streaming.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into opt_out (id, pseudonym, source, registered_by, import_id, effective_at)
                    select gen_random_uuid(), p, 'HDAB_IMPORT', ?, ?, ? from unnest(?::text[]) as p
                    on conflict (pseudonym) where withdrawn_at is null do nothing
                    """);
            statement.setObject(1, by.value());
            statement.setObject(2, importId.value());
            statement.setTimestamp(3, Timestamp.from(effectiveAt));
            statement.setArray(4, connection.createArrayOf("text", pseudonyms.toArray()));
            return statement;
        });
    }

    public boolean withdraw(OptOutId id, UserId by, Instant at) {
        return jdbc.sql("update opt_out set withdrawn_at = ?, withdrawn_by = ? where id = ? and withdrawn_at is null")
                .params(Timestamp.from(at), by.value(), id.value()).update() == 1;
    }

    public long countInEffectAt(Instant reference) {
        Timestamp at = Timestamp.from(reference);
        return jdbc.sql("select count(*) from opt_out where " + IN_EFFECT_AT).params(at, at).query(Long.class)
                .single();
    }

    /** Streams the pseudonyms of the opt-outs in effect at the instant, {@link #FETCH_SIZE} rows at a time. */
    public void forEachPseudonymInEffectAt(Instant reference, Consumer<String> pseudonyms) {
        Timestamp at = Timestamp.from(reference);
        streaming.query("select pseudonym from opt_out where " + IN_EFFECT_AT, rs -> {
            pseudonyms.accept(rs.getString(1));
        }, at, at);
    }

    /** Distinct key versions of the stored pseudonyms, as their 3-character prefixes ({@code v01}). */
    public List<String> keyVersionPrefixes() {
        return jdbc.sql("select distinct left(pseudonym, 3) from opt_out order by 1").query(String.class).list();
    }

    /**
     * Up to {@code limit} distinct pseudonyms made under a key version older than the given prefix's ({@code v02}):
     * they sort before it, so the pseudonym index serves the query.
     */
    public List<String> pseudonymsOlderThan(String prefix, int limit) {
        return jdbc.sql("select distinct pseudonym from opt_out where pseudonym < ? order by pseudonym limit ?")
                .params(prefix, limit).query(String.class).list();
    }

    /** Replaces each old pseudonym by its new one in every row (a key rotation's re-keying), in one round trip. */
    public void replacePseudonyms(List<String> from, List<String> to) {
        streaming.batchUpdate("update opt_out set pseudonym = ? where pseudonym = ?",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                        ps.setString(1, to.get(i));
                        ps.setString(2, from.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return from.size();
                    }
                });
    }

    private static OptOutPeriod period(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new OptOutPeriod(new OptOutId(rs.getObject("id", UUID.class)),
                OptOutSource.valueOf(rs.getString("source")), rs.getTimestamp("effective_at").toInstant(),
                Optional.ofNullable(withdrawn).map(Timestamp::toInstant));
    }
}
