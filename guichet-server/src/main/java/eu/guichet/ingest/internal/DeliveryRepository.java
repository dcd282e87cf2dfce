package eu.guichet.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.catalogue.DatasetId;
import eu.guichet.ingest.Delivery;
import eu.guichet.ingest.DeliveryFormat;
import eu.guichet.ingest.DeliveryId;
import eu.guichet.ingest.DeliveryStatus;
import eu.guichet.ingest.TableOutcome;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for deliveries. Table outcomes are stored as JSON: counts and reason codes, never values. */
@Repository
public class DeliveryRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            id, dataset_id, holder_id, format, status, submitted_by, received_at, updated_at, files::text,
            records_read, dataset_version, content_sha256, problem, tables::text
            """;

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new delivery, RECEIVED, with how its CSV tables are read (identifier treatments, delimiter). */
    public void insert(Delivery d, Map<String, String> identifiers, char delimiter) {
        jdbc.sql("""
                insert into delivery (id, dataset_id, holder_id, format, status, submitted_by, received_at, updated_at,
                                      files, delimiter, identifiers)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)
                """)
                .params(d.id().value(), d.dataset().value(), d.holder().value(), d.format().name(), d.status().name(),
                        d.submittedBy().value(), ts(d.receivedAt()), ts(d.updatedAt()),
                        JSON.writeValueAsString(d.files()), String.valueOf(delimiter),
                        JSON.writeValueAsString(identifiers))
                .update();
    }

    public Optional<Delivery> find(DeliveryId id) {
        return jdbc.sql("select " + COLUMNS + " from delivery where id = ?").param(id.value())
                .query(DeliveryRepository::map).optional();
    }

    /** How the delivery's CSV tables are read: identifier treatments by column, and the delimiter. */
    public CsvSettings csvSettings(DeliveryId id) {
        return jdbc.sql("select identifiers::text, delimiter from delivery where id = ?").param(id.value())
                .query((rs, n) -> new CsvSettings(JSON.readValue(rs.getString(1),
                        new TypeReference<Map<String, String>>() { }), rs.getString(2).charAt(0)))
                .single();
    }

    public record CsvSettings(Map<String, String> identifiers, char delimiter) {
    }

    public List<Delivery> listByHolder(OrganisationId holder) {
        return jdbc.sql("select " + COLUMNS + " from delivery where holder_id = ? order by received_at desc, id")
                .param(holder.value()).query(DeliveryRepository::map).list();
    }

    public List<Delivery> listAll() {
        return jdbc.sql("select " + COLUMNS + " from delivery order by received_at desc, id")
                .query(DeliveryRepository::map).list();
    }

    public List<DeliveryId> listByStatus(DeliveryStatus... statuses) {
        return jdbc.sql("select id from delivery where status = any(?) order by received_at, id")
                .param(java.util.Arrays.stream(statuses).map(Enum::name).toArray(String[]::new))
                .query((rs, n) -> new DeliveryId(rs.getObject(1, UUID.class))).list();
    }

    /** Another delivery of the dataset that published this version, if any. */
    public Optional<DeliveryId> findPublisher(DatasetId dataset, String version) {
        return jdbc.sql("select id from delivery where dataset_id = ? and dataset_version = ? and status = 'ACCEPTED'")
                .params(dataset.value(), version).query((rs, n) -> new DeliveryId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** Moves the status if it is still {@code from}; false when someone else moved it. */
    public boolean updateStatus(DeliveryId id, DeliveryStatus from, DeliveryStatus to, Instant at) {
        return jdbc.sql("update delivery set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), ts(at), id.value(), from.name()).update() == 1;
    }

    public void recordOutcome(DeliveryId id, Optional<String> version, Optional<String> sha256,
            Optional<String> problem, List<TableOutcome> tables, Instant at) {
        long read = tables.stream().mapToLong(TableOutcome::recordsRead).sum();
        jdbc.sql("""
                update delivery set dataset_version = ?, content_sha256 = ?, problem = ?, tables = ?::jsonb,
                                    records_read = greatest(records_read, ?), updated_at = ?
                 where id = ?
                """)
                .params(version.orElse(null), sha256.orElse(null), problem.orElse(null),
                        JSON.writeValueAsString(tables), read, ts(at), id.value())
                .update();
    }

    /** Progress while processing: records read so far (no audit: not a change of state). */
    public void updateProgress(DeliveryId id, long recordsRead) {
        jdbc.sql("update delivery set records_read = ? where id = ? and status = 'PROCESSING'")
                .params(recordsRead, id.value()).update();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(new DeliveryId(rs.getObject(1, UUID.class)), new DatasetId(rs.getObject(2, UUID.class)),
                new OrganisationId(rs.getObject(3, UUID.class)), DeliveryFormat.valueOf(rs.getString(4)),
                DeliveryStatus.valueOf(rs.getString(5)), new UserId(rs.getObject(6, UUID.class)),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                JSON.readValue(rs.getString(9), new TypeReference<List<String>>() { }), rs.getLong(10),
                Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12)),
                Optional.ofNullable(rs.getString(13)),
                JSON.readValue(rs.getString(14), new TypeReference<List<TableOutcome>>() { }));
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
