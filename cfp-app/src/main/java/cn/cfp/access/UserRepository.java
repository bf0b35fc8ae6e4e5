package cn.cfp.access;

import cn.cfp.shared.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Users and their roles as stored. A list of users costs two queries whatever its length (the users, then the roles of
 * all of them): never a query per row or inside a row mapper.
 */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the user with their roles; returns the new id. */
    long insert(String username, String displayName, String passwordHash, Long organisationId, Set<Role> roles, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, organisation_id, enabled, failed_attempts, created_at)
                VALUES (:u, :d, :p, :o, TRUE, 0, :t)""")
                .param("u", username).param("d", displayName).param("p", passwordHash).param("o", organisationId).param("t", at)
                .update(key, "id");
        long id = key.getKeyAs(Long.class);
        insertRoles(id, roles);
        return id;
    }

    /** Changes name, organisation, enabled flag and roles. */
    void update(long id, String displayName, Long organisationId, boolean enabled, Set<Role> roles) {
        jdbc.sql("UPDATE app_user SET display_name = :d, organisation_id = :o, enabled = :e WHERE id = :id")
                .param("d", displayName).param("o", organisationId).param("e", enabled).param("id", id).update();
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
        insertRoles(id, roles);
    }

    /** Sets a new password hash; {@code mustChange}: the user must choose another at the next login. */
    void setPassword(long id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE app_user SET password_hash = :h, must_change_password = :m WHERE id = :id")
                .param("h", hash).param("m", mustChange).param("id", id).update();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", id).query(String.class).optional();
    }

    /** Changes where and in which language the person is written to. */
    void updateContact(long id, String email, String language) {
        jdbc.sql("UPDATE app_user SET email = :m, language = :l WHERE id = :id")
                .param("m", email).param("l", language).param("id", id).update();
    }

    List<UserView> all() {
        return withRoles(jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserRepository::row).list());
    }

    /**
     * A page of the users the search selects, in its order, and how many it selects in all: three queries (count, the
     * page, its roles) whatever the number of users.
     */
    Paging.Page<UserView> search(UserSearch s, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (s.text() != null) {
            where.append(" AND (LOWER(u.username) LIKE :q ESCAPE '\\' OR LOWER(u.display_name) LIKE :q ESCAPE '\\'");
            if (!s.organisationsNamed().isEmpty()) {
                where.append(" OR u.organisation_id IN (:qorgs)");
                params.put("qorgs", s.organisationsNamed());
            }
            where.append(")");
            params.put("q", containing(s.text()));
        }
        if (s.role() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = :role)");
            params.put("role", s.role().name());
        }
        if (s.staffOnly()) {
            where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role IN (:staff))");
            params.put("staff", Role.STAFF.stream().map(Role::name).toList());
        }
        if (s.status() != null) {
            where.append(" AND u.enabled = :enabled");
            params.put("enabled", s.status() == UserSearch.Status.ENABLED);
        }
        if (s.organisationId() != null) {
            where.append(" AND u.organisation_id = :org");
            params.put("org", s.organisationId());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user u" + where).params(params).query(Long.class).single();
        List<UserView> items = withRoles(jdbc.sql("SELECT u.* FROM app_user u" + where + " ORDER BY " + s.order().sql
                        + " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(params).param("offset", paging.offset()).param("size", paging.size())
                .query(UserRepository::row).list());
        return new Paging.Page<>(items, total);
    }

    /** A LIKE pattern for "contains", case-insensitive, with the person's % and _ taken literally. */
    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    Optional<UserView> find(long id) {
        return withRoles(jdbc.sql("SELECT * FROM app_user WHERE id = :id").param("id", id).query(UserRepository::row).list())
                .stream().findFirst();
    }

    /** These users (the ids that exist), in two queries whatever the count. */
    List<UserView> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withRoles(jdbc.sql("SELECT * FROM app_user WHERE id IN (:ids) ORDER BY username").param("ids", ids)
                .query(UserRepository::row).list());
    }

    Optional<UserView> findByUsername(String username) {
        return withRoles(jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username).query(UserRepository::row).list())
                .stream().findFirst();
    }

    /** The enabled users bound to this organisation (its client users). */
    List<UserView> ofOrganisation(long organisationId) {
        return withRoles(jdbc.sql("SELECT * FROM app_user WHERE organisation_id = :o AND enabled = TRUE ORDER BY username")
                .param("o", organisationId).query(UserRepository::row).list());
    }

    List<UserView> withRole(Role role) {
        return withRoles(jdbc.sql("SELECT u.* FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = :r ORDER BY u.username")
                .param("r", role.name()).query(UserRepository::row).list());
    }

    private void insertRoles(long id, Set<Role> roles) {
        for (Role role : EnumSet.copyOf(roles)) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :r)").param("id", id).param("r", role.name()).update();
        }
    }

    /** The roles of several users in one query. */
    private Map<Long, Set<Role>> rolesOf(Collection<Long> ids) {
        Map<Long, Set<Role>> m = new HashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        jdbc.sql("SELECT user_id, role FROM user_role WHERE user_id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    m.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
                });
        return m;
    }

    private List<UserView> withRoles(List<Row> rows) {
        Map<Long, Set<Role>> roles = rolesOf(rows.stream().map(Row::id).toList());
        List<UserView> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(new UserView(r.id(), r.username(), r.displayName(), roles.getOrDefault(r.id(), Set.of()), r.organisationId(),
                    r.enabled(), r.mustChangePassword(), r.email(), r.language()));
        }
        return out;
    }

    private record Row(long id, String username, String displayName, Long organisationId, boolean enabled,
                       boolean mustChangePassword, String email, String language) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long organisationId = rs.wasNull() ? null : org;
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), organisationId,
                rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getString("email"), rs.getString("language"));
    }
}
