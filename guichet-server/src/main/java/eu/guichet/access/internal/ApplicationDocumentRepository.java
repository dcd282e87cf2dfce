package eu.guichet.access.internal;

import static eu.guichet.access.internal.ApplicationRepository.ts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.ApplicationDocument;
import eu.guichet.access.ApplicationId;
import eu.guichet.security.UserId;

/** SQL for the documents attached to applications. */
@Repository
public class ApplicationDocumentRepository {

    private final JdbcClient jdbc;

    ApplicationDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApplicationId application, ApplicationDocument d, byte[] content) {
        jdbc.sql("""
                insert into application_document (id, application_id, kind, filename, media_type, size_bytes, sha256,
                                                  content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(d.id(), application.value(), d.kind().name(), d.filename(), d.mediaType(), d.sizeBytes(),
                        d.sha256(), content, d.uploadedBy().value(), ts(d.uploadedAt()))
                .update();
    }

    public List<ApplicationDocument> list(ApplicationId application) {
        return jdbc.sql("""
                select id, kind, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at
                  from application_document where application_id = ? order by uploaded_at, id
                """)
                .param(application.value())
                .query((rs, n) -> new ApplicationDocument(rs.getObject(1, UUID.class),
                        ApplicationDocument.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), new UserId(rs.getObject(7, UUID.class)),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    public Optional<byte[]> content(ApplicationId application, UUID document) {
        return jdbc.sql("select content from application_document where application_id = ? and id = ?")
                .params(application.value(), document).query((rs, n) -> rs.getBytes(1)).optional();
    }
}
