package eu.guichet.catalogue.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.catalogue.Dataset;
import eu.guichet.catalogue.DatasetDescription;
import eu.guichet.catalogue.DatasetId;
import eu.guichet.catalogue.DatasetStatus;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;
import tools.jackson.databind.json.JsonMapper;

/** SQL for datasets, their status history and baskets. Descriptions are stored as JSON (jsonb). */
@Repository
public class CatalogueRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    CatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Dataset d) {
        jdbc.sql("""
                insert into dataset (id, identifier, status, holder_id, description, revision, created_at,
                                     updated_at, published_at, last_checked_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                """)
                .params(d.id().value(), d.description().identifier(), d.status().name(),
                        d.holder().map(OrganisationId::value).orElse(null), JSON.writeValueAsString(d.description()),
                        d.revision(), ts(d.createdAt()), ts(d.updatedAt()), d.publishedAt().map(Timestamp::from)
                                .orElse(null), ts(d.lastCheckedAt()))
                .update();
    }

    /** Saves a new revision of the description; fails (returns false) if someone saved another one meanwhile. */
    public boolean updateDescription(DatasetId id, DatasetDescription description, int expectedRevision,
            Instant at) {
        return jdbc.sql("""
                update dataset set description = ?::jsonb, identifier = ?, revision = revision + 1, updated_at = ?,
                                   last_checked_at = ?
                 where id = ? and revision = ?
                """)
                .params(JSON.writeValueAsString(description), description.identifier(), ts(at), ts(at), id.value(),
                        expectedRevision)
                .update() == 1;
    }

    public void updateStatus(DatasetId id, DatasetStatus from, DatasetStatus to, UserId actor, String reason,
            Instant at) {
        jdbc.sql("update dataset set status = ?, updated_at = ?, published_at = case when ? = 'PUBLISHED' then ? "
                + "else published_at end where id = ?")
                .params(to.name(), ts(at), to.name(), ts(at), id.value()).update();
        jdbc.sql("""
                insert into dataset_status_change (dataset_id, from_status, to_status, actor_id, reason, changed_at)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(id.value(), from.name(), to.name(), actor.value(), reason, ts(at)).update();
    }

    public void markChecked(DatasetId id, Instant at) {
        jdbc.sql("update dataset set last_checked_at = ? where id = ?").params(ts(at), id.value()).update();
    }

    public void assignHolder(DatasetId id, OrganisationId holder) {
        jdbc.sql("update dataset set holder_id = ? where id = ?").params(holder.value(), id.value()).update();
    }

    public Optional<Dataset> find(DatasetId id) {
        return jdbc.sql("select * from dataset where id = ?").param(id.value()).query(this::dataset).optional();
    }

    /** The dataset, locked until the end of the transaction (status changes and edits serialise on it). */
    public Optional<Dataset> findForUpdate(DatasetId id) {
        return jdbc.sql("select * from dataset where id = ? for update").param(id.value()).query(this::dataset)
                .optional();
    }

    public boolean identifierTaken(String identifier) {
        return jdbc.sql("select count(*) from dataset where identifier = ?").param(identifier).query(Long.class)
                .single() > 0;
    }

    public List<Dataset> listByHolder(OrganisationId holder) {
        return jdbc.sql("select * from dataset where holder_id = ? order by description->'title'->>'fr', identifier")
                .param(holder.value()).query(this::dataset).list();
    }

    /** Datasets no data holder maintains (imported entries not matched to a registered holder), oldest first. */
    public List<Dataset> listWithoutHolder() {
        return jdbc.sql("select * from dataset where holder_id is null and status <> 'RETIRED' order by created_at")
                .query(this::dataset).list();
    }

    public List<Dataset> listByStatus(DatasetStatus status) {
        return jdbc.sql("select * from dataset where status = ? order by updated_at").param(status.name())
                .query(this::dataset).list();
    }

    /** Published datasets in a stable order (for harvesting pages). */
    public List<Dataset> listPublished(int offset, int limit) {
        return jdbc.sql("select * from dataset where status = 'PUBLISHED' order by published_at, id "
                + "offset ? limit ?").params(offset, limit).query(this::dataset).list();
    }

    public long countPublished() {
        return jdbc.sql("select count(*) from dataset where status = 'PUBLISHED'").query(Long.class).single();
    }

    /** Every published dataset, streamed (the search index is rebuilt from it at start-up). */
    public Stream<Dataset> streamPublished() {
        return jdbc.sql("select * from dataset where status = 'PUBLISHED'").query(this::dataset).stream();
    }

    public List<Dataset> listAll() {
        return jdbc.sql("select * from dataset order by updated_at desc").query(this::dataset).list();
    }

    public List<StatusChange> history(DatasetId id) {
        return jdbc.sql("""
                select c.from_status, c.to_status, u.display_name, c.reason, c.changed_at
                  from dataset_status_change c join app_user u on u.id = c.actor_id
                 where c.dataset_id = ? order by c.changed_at, c.id
                """).param(id.value())
                .query((rs, n) -> new StatusChange(DatasetStatus.valueOf(rs.getString(1)),
                        DatasetStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** One row of a dataset's status history. */
    public record StatusChange(DatasetStatus from, DatasetStatus to, String actor, String reason, Instant at) {
    }

    // --- basket --------------------------------------------------------------------------------------------------

    public void putInBasket(UserId user, DatasetId dataset, List<String> variables, Instant at) {
        jdbc.sql("""
                insert into basket_item (user_id, dataset_id, variables, added_at) values (?, ?, ?, ?)
                on conflict (user_id, dataset_id) do update set variables = excluded.variables
                """)
                .params(user.value(), dataset.value(), variables.toArray(String[]::new), ts(at)).update();
    }

    public boolean removeFromBasket(UserId user, DatasetId dataset) {
        return jdbc.sql("delete from basket_item where user_id = ? and dataset_id = ?")
                .params(user.value(), dataset.value()).update() == 1;
    }

    public List<BasketRow> basket(UserId user) {
        return jdbc.sql("select dataset_id, variables, added_at from basket_item where user_id = ? order by added_at")
                .param(user.value())
                .query((rs, n) -> new BasketRow(new DatasetId(rs.getObject(1, UUID.class)),
                        Arrays.asList((String[]) rs.getArray(2).getArray()), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** One dataset in a basket with the variables chosen ("TABLE.COLUMN"; empty: not chosen yet). */
    public record BasketRow(DatasetId dataset, List<String> variables, Instant addedAt) {
    }

    private Dataset dataset(ResultSet rs, int row) throws SQLException {
        UUID holder = rs.getObject("holder_id", UUID.class);
        Timestamp published = rs.getTimestamp("published_at");
        return new Dataset(new DatasetId(rs.getObject("id", UUID.class)),
                DatasetStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(holder).map(OrganisationId::new),
                JSON.readValue(rs.getString("description"), DatasetDescription.class),
                rs.getInt("revision"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                Optional.ofNullable(published).map(Timestamp::toInstant),
                rs.getTimestamp("last_checked_at").toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
