package cn.cfp.access;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their roles and their organisation. Every change lands in the audit trail. */
@Service
public class UserDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    UserDirectory(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long create(String actor, String username, String displayName, String password,
                       Set<Role> roles, Long organisationId) {
        List<String> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add("Username '" + username + "' is invalid: use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter / 用户名格式不正确");
        } else if (findByUsername(username).isPresent()) {
            problems.add("Username '" + username + "' is already taken / 用户名已存在");
        }
        if (displayName == null || displayName.isBlank()) {
            problems.add("A display name is required / 姓名不能为空");
        }
        if (password == null || password.length() < 10) {
            problems.add("The password must have at least 10 characters / 密码至少 10 位");
        }
        if (roles == null || roles.isEmpty()) {
            problems.add("Choose at least one role / 至少选择一个角色");
        } else {
            problems.addAll(roleProblems(roles, organisationId));
        }
        if (!problems.isEmpty()) {
            throw Refusal.texts(400, problems);
        }
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, organisation_id, enabled, failed_attempts, created_at)
                VALUES (:u, :d, :p, :o, TRUE, 0, :t)""")
                .param("u", username).param("d", displayName.strip()).param("p", encoder.encode(password))
                .param("o", organisationId).param("t", now())
                .update();
        long id = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
        writeRoles(id, roles);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", username);
        details.put("roles", roles.stream().sorted().toList());
        details.put("organisationId", organisationId);
        audit.record(actor, "USER_CREATED", "user:" + username, details);
        return id;
    }

    @Transactional
    public void update(String actor, long id, String displayName, Set<Role> roles, Long organisationId, boolean enabled) {
        UserView before = get(id);
        List<String> problems = new ArrayList<>();
        if (displayName == null || displayName.isBlank()) {
            problems.add("A display name is required / 姓名不能为空");
        }
        if (roles == null || roles.isEmpty()) {
            problems.add("Choose at least one role / 至少选择一个角色");
        } else {
            problems.addAll(roleProblems(roles, organisationId));
        }
        if (before.username().equals(actor) && (!enabled || !roles.contains(Role.ADMIN)) && before.roles().contains(Role.ADMIN)) {
            problems.add("You cannot remove your own administrator access / 不能取消自己的管理员权限");
        }
        if (!problems.isEmpty()) {
            throw Refusal.texts(400, problems);
        }
        jdbc.sql("UPDATE app_user SET display_name = :d, organisation_id = :o, enabled = :e WHERE id = :id")
                .param("d", displayName.strip()).param("o", organisationId).param("e", enabled).param("id", id).update();
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
        writeRoles(id, roles);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rolesBefore", before.roles().stream().sorted().toList());
        details.put("rolesAfter", roles.stream().sorted().toList());
        details.put("organisationId", organisationId);
        details.put("enabled", enabled);
        audit.record(actor, "USER_UPDATED", "user:" + before.username(), details);
    }

    @Transactional
    public void unlock(String actor, long id) {
        UserView user = get(id);
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = :id").param("id", id).update();
        audit.record(actor, "USER_UNLOCKED", "user:" + user.username(), Map.of());
    }

    public List<UserView> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(this::view).list();
    }

    public UserView get(long id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = :id").param("id", id).query(this::view).optional()
                .orElseThrow(() -> Refusal.notFound("User " + id));
    }

    public Optional<UserView> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username).query(this::view).optional();
    }

    /** People holding a role (for "who can do this" lists and dashboards). */
    public List<UserView> withRole(Role role) {
        return jdbc.sql("SELECT u.* FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = :r ORDER BY u.username")
                .param("r", role.name()).query(this::view).list();
    }

    private static List<String> roleProblems(Set<Role> roles, Long organisationId) {
        List<String> problems = new ArrayList<>();
        if (roles.contains(Role.CLIENT) && roles.size() > 1) {
            problems.add("A client user cannot also hold a certification-body role / 委托方用户不能兼任认证机构角色");
        }
        if (roles.contains(Role.CLIENT) && organisationId == null) {
            problems.add("A client user must belong to a client organisation / 委托方用户必须绑定所属组织");
        }
        return problems;
    }

    private void writeRoles(long id, Set<Role> roles) {
        for (Role role : EnumSet.copyOf(roles)) {
            jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :r)").param("id", id).param("r", role.name()).update();
        }
    }

    Set<Role> rolesOf(long id) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_id = :id").param("id", id)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private UserView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
        long org = rs.getLong("organisation_id");
        return new UserView(id, rs.getString("username"), rs.getString("display_name"), rolesOf(id),
                rs.wasNull() ? null : org, rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    Instant instantNow() {
        return clock.instant();
    }
}
