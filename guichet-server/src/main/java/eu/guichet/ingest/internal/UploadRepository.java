package eu.guichet.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.ingest.Upload;
import eu.guichet.ingest.UploadId;
import eu.guichet.ingest.UploadStatus;
import eu.guichet.security.UserId;

/** SQL for upload sessions. The offset is not stored: it is the length of the file on disk. */
@Repository
public class UploadRepository {

    private final JdbcClient jdbc;

    UploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Upload u) {
        jdbc.sql("insert into delivery_upload (id, owner_id, file_name, size, status, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(u.id().value(), u.owner().value(), u.fileName(), u.size(), u.status().name(),
                        Timestamp.from(u.createdAt()))
                .update();
    }

    /** The session without its offset (0); callers add the file's length. */
    public Optional<Upload> find(UploadId id) {
        return jdbc.sql("select id, owner_id, file_name, size, status, sha256, created_at from delivery_upload where id = ?")
                .param(id.value()).query(UploadRepository::map).optional();
    }

    public Optional<Upload> findForUpdate(UploadId id) {
        return jdbc.sql("select id, owner_id, file_name, size, status, sha256, created_at from delivery_upload"
                + " where id = ? for update").param(id.value()).query(UploadRepository::map).optional();
    }

    public void complete(UploadId id, String sha256) {
        jdbc.sql("update delivery_upload set status = 'COMPLETE', sha256 = ? where id = ? and status = 'OPEN'")
                .params(sha256, id.value()).update();
    }

    public boolean markDelivered(UploadId id) {
        return jdbc.sql("update delivery_upload set status = 'DELIVERED' where id = ? and status = 'COMPLETE'")
                .param(id.value()).update() == 1;
    }

    private static Upload map(ResultSet rs, int row) throws SQLException {
        return new Upload(new UploadId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class)),
                rs.getString(3), rs.getLong(4), 0, UploadStatus.valueOf(rs.getString(5)),
                Optional.ofNullable(rs.getString(6)), rs.getTimestamp(7).toInstant());
    }
}
