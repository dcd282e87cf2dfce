package eu.guichet.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import eu.guichet.identity.Organisation;
import eu.guichet.identity.OrganisationType;
import eu.guichet.identity.UserAccount;
import eu.guichet.security.OrganisationId;
import eu.guichet.security.Role;
import eu.guichet.security.UserId;

/** SQL for organisations, accounts and roles. */
@Repository
public class IdentityRepository {

    private static final String USER_COLUMNS = """
            u.id, u.username, u.display_name, u.email, u.organisation_id, u.enabled, u.created_at,
            u.password_hash is not null as local_account
            """;

    private final JdbcClient jdbc;

    IdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Organisation o) {
        jdbc.sql("""
                insert into organisation (id, name, type, identifier, country, public_health_mandate, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(o.id().value(), o.name(), o.type().name(), o.identifier(), o.country(),
                        o.publicHealthMandate(), Timestamp.from(o.createdAt()))
                .update();
    }

    public Optional<Organisation> findOrganisation(OrganisationId id) {
        return jdbc.sql("select * from organisation where id = ?").param(id.value())
                .query(IdentityRepository::organisation).optional();
    }

    public Optional<Organisation> findOrganisationByName(String name) {
        return jdbc.sql("select * from organisation where name = ?").param(name)
                .query(IdentityRepository::organisation).optional();
    }

    public Optional<Organisation> findOrganisationByIdentifier(String identifier) {
        return jdbc.sql("select * from organisation where identifier = ?").param(identifier)
                .query(IdentityRepository::organisation).optional();
    }

    public List<Organisation> listOrganisations() {
        return jdbc.sql("select * from organisation order by name").query(IdentityRepository::organisation).list();
    }

    public void insertUser(UserAccount u, String passwordHash, String oidcIssuer, String oidcSubject) {
        jdbc.sql("""
                insert into app_user (id, username, display_name, email, organisation_id, password_hash,
                                      oidc_issuer, oidc_subject, enabled, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(u.id().value(), u.username(), u.displayName(), u.email(),
                        u.organisationId().map(OrganisationId::value).orElse(null), passwordHash, oidcIssuer,
                        oidcSubject, u.enabled(), Timestamp.from(u.createdAt()))
                .update();
        replaceRoles(u.id(), u.roles());
    }

    public void replaceRoles(UserId id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = ?").param(id.value()).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (?, ?)").params(id.value(), role.name()).update();
        }
    }

    public void updateOrganisation(UserId id, Optional<OrganisationId> organisation) {
        jdbc.sql("update app_user set organisation_id = ? where id = ?")
                .params(organisation.map(OrganisationId::value).orElse(null), id.value()).update();
    }

    public void updatePasswordHash(UserId id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, id.value()).update();
    }

    /** The national identifier of a citizen account, for the opt-out pseudonym only (never logged, never shown). */
    public Optional<String> findNationalId(UserId id) {
        return jdbc.sql("select national_id from app_user where id = ? and national_id is not null")
                .param(id.value()).query(String.class).optional();
    }

    public void updateNationalId(UserId id, String nationalId) {
        jdbc.sql("update app_user set national_id = ? where id = ?").params(nationalId, id.value()).update();
    }

    public Optional<UserAccount> findUser(UserId id) {
        return users("where u.id = ?", id.value()).stream().findFirst();
    }

    public Optional<UserAccount> findUserByUsername(String username) {
        return users("where u.username = ?", username).stream().findFirst();
    }

    public Optional<UserAccount> findUserByOidcSubject(String issuer, String subject) {
        return users("where u.oidc_issuer = ? and u.oidc_subject = ?", issuer, subject).stream().findFirst();
    }

    public List<UserAccount> listUsers(Optional<OrganisationId> organisation) {
        return organisation.map(o -> users("where u.organisation_id = ? order by u.username", o.value()))
                .orElseGet(() -> users("order by u.username"));
    }

    /** The password hash of an enabled local account, for sign-in only. */
    public Optional<String> findPasswordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ? and enabled and password_hash is not null")
                .param(username).query(String.class).optional();
    }

    private List<UserAccount> users(String where, Object... params) {
        Map<UUID, Set<Role>> roles = new HashMap<>();
        jdbc.sql("select r.user_id, r.role from user_role r join app_user u on u.id = r.user_id " + where)
                .params(params)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(Role.class))
                            .add(Role.valueOf(rs.getString(2)));
                });
        return jdbc.sql("select " + USER_COLUMNS + " from app_user u " + where).params(params)
                .query((rs, n) -> user(rs, roles.getOrDefault(rs.getObject("id", UUID.class), Set.of())))
                .list();
    }

    private static UserAccount user(ResultSet rs, Set<Role> roles) throws SQLException {
        UUID organisation = rs.getObject("organisation_id", UUID.class);
        return new UserAccount(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"),
                rs.getString("display_name"), rs.getString("email"),
                Optional.ofNullable(organisation).map(OrganisationId::new), roles, rs.getBoolean("enabled"),
                rs.getBoolean("local_account"), rs.getTimestamp("created_at").toInstant());
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        return new Organisation(new OrganisationId(rs.getObject("id", UUID.class)), rs.getString("name"),
                OrganisationType.valueOf(rs.getString("type")), rs.getString("identifier"),
                rs.getString("country"), rs.getBoolean("public_health_mandate"),
                rs.getTimestamp("created_at").toInstant());
    }
}
