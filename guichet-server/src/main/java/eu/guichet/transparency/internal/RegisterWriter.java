package eu.guichet.transparency.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.access.ApplicationId;
import eu.guichet.access.ApplicationKind;
import eu.guichet.access.ApplicationStatus;
import eu.guichet.access.DecisionOutcome;
import eu.guichet.access.PermitId;
import eu.guichet.access.Purpose;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.UserId;
import eu.guichet.transparency.PermitStatus;
import eu.guichet.transparency.RegisterDataset;

/**
 * SQL that keeps the register's read model: every write is idempotent (an event handled twice, after a retry of the
 * event publication registry, leaves the same rows).
 */
@Repository
class RegisterWriter {

    private final JdbcClient jdbc;

    RegisterWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void receive(ApplicationId id, ApplicationKind kind, OrganisationId organisationId, String organisation,
            String title, Collection<Purpose> purposes, List<RegisterDataset> datasets, Instant receivedAt) {
        int inserted = jdbc.sql("""
                insert into register_entry (application_id, kind, organisation_id, organisation, title, purposes,
                                            received_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id) do nothing
                """)
                .params(id.value(), kind.name(), organisationId.value(), organisation, title,
                        purposes.stream().map(Purpose::name).sorted().toArray(String[]::new),
                        Timestamp.from(receivedAt))
                .update();
        if (inserted > 0) {
            insertDatasets("register_entry_dataset", "application_id", id.value(), datasets);
        }
        jdbc.sql("""
                insert into register_application_status (application_id, status, changed_at) values (?, 'SUBMITTED', ?)
                on conflict (application_id) do nothing
                """).params(id.value(), Timestamp.from(receivedAt)).update();
    }

    /** Keeps the latest status by instant (a move at the instant of receipt wins over "received"). */
    void changeStatus(ApplicationId id, ApplicationStatus status, Instant at) {
        jdbc.sql("""
                insert into register_application_status (application_id, status, changed_at) values (?, ?, ?)
                on conflict (application_id) do update set status = excluded.status, changed_at = excluded.changed_at
                where register_application_status.changed_at <= excluded.changed_at
                """).params(id.value(), status.name(), Timestamp.from(at)).update();
    }

    void decide(ApplicationId id, DecisionOutcome outcome, String justification, Optional<PermitId> permit,
            String sha256, Instant decidedAt, Instant publicationDueAt, Instant publishedAt) {
        jdbc.sql("""
                insert into register_decision (application_id, outcome, justification, permit_id, document_sha256,
                                               decided_at, publication_due_at, published_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (application_id) do nothing
                """)
                .params(id.value(), outcome.name(), justification, permit.map(PermitId::value).orElse(null), sha256,
                        Timestamp.from(decidedAt), Timestamp.from(publicationDueAt), Timestamp.from(publishedAt))
                .update();
    }

    void grant(PermitId id, ApplicationId application, int version, List<RegisterDataset> datasets,
            Collection<UserId> members, Instant grantedAt, Instant validUntil) {
        jdbc.sql("""
                insert into register_permit (permit_id, application_id, granted_at, planned_until) values (?, ?, ?, ?)
                on conflict (permit_id) do update set application_id = excluded.application_id,
                    granted_at = excluded.granted_at, planned_until = excluded.planned_until
                """).params(id.value(), application.value(), Timestamp.from(grantedAt), Timestamp.from(validUntil))
                .update();
        replaceScope(id, version, datasets, members);
    }

    void amend(PermitId id, int version, List<RegisterDataset> datasets, Collection<UserId> members, Instant at) {
        change(id, version, "AMENDED", at);
        replaceScope(id, version, datasets, members);
    }

    void extend(PermitId id, int version, Instant validUntil, Instant at) {
        jdbc.sql("""
                insert into register_permit (permit_id, extended_until) values (?, ?)
                on conflict (permit_id) do update set extended_until = excluded.extended_until
                """).params(id.value(), Timestamp.from(validUntil)).update();
        change(id, version, "EXTENDED", at);
    }

    /** Processing ended (revoked or expired): the earliest end counts, whatever order the events arrive in. */
    void end(PermitId id, PermitStatus status, String reason, Instant at) {
        jdbc.sql("""
                insert into register_permit (permit_id, ended, ended_at, revocation_reason) values (?, ?, ?, ?)
                on conflict (permit_id) do update set ended = excluded.ended, ended_at = excluded.ended_at,
                    revocation_reason = excluded.revocation_reason
                where register_permit.ended_at is null or excluded.ended_at < register_permit.ended_at
                """).params(id.value(), status.name(), Timestamp.from(at), reason).update();
    }

    /** The latest amendment or extension, by version. */
    private void change(PermitId id, int version, String kind, Instant at) {
        jdbc.sql("""
                insert into register_permit (permit_id, last_version, last_change, last_change_at) values (?, ?, ?, ?)
                on conflict (permit_id) do update set last_version = excluded.last_version,
                    last_change = excluded.last_change, last_change_at = excluded.last_change_at
                where register_permit.last_version is null or register_permit.last_version < excluded.last_version
                """).params(id.value(), version, kind, Timestamp.from(at)).update();
    }

    /** Stores the datasets and members of {@code version} unless a later version's are there. */
    private void replaceScope(PermitId id, int version, List<RegisterDataset> datasets, Collection<UserId> members) {
        jdbc.sql("insert into register_permit (permit_id) values (?) on conflict do nothing").param(id.value())
                .update();
        int newer = jdbc.sql("""
                update register_permit set scope_version = ? where permit_id = ? and coalesce(scope_version, 0) < ?
                """).params(version, id.value(), version).update();
        if (newer == 0) {
            return;
        }
        jdbc.sql("delete from register_permit_dataset where permit_id = ?").param(id.value()).update();
        insertDatasets("register_permit_dataset", "permit_id", id.value(), datasets);
        jdbc.sql("delete from register_permit_member where permit_id = ?").param(id.value()).update();
        for (UserId member : members) {
            jdbc.sql("insert into register_permit_member (permit_id, user_id) values (?, ?)")
                    .params(id.value(), member.value()).update();
        }
    }

    /** {@code table} and {@code key} are constants of this class, never request text. */
    private void insertDatasets(String table, String key, UUID owner, List<RegisterDataset> datasets) {
        for (int i = 0; i < datasets.size(); i++) {
            RegisterDataset d = datasets.get(i);
            jdbc.sql("insert into " + table + " (" + key + ", position, dataset_id, identifier, title_fr, title_en)"
                    + " values (?, ?, ?, ?, ?, ?)")
                    .params(owner, i, d.id().value(), d.identifier(), d.title().fr(), d.title().en()).update();
        }
    }
}
