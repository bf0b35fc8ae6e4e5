package cn.cfp.access.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs people in: their user row and roles (failed logins: {@link LoginThrottle}). */
@Component
class JdbcUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcUserDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public CfpPrincipal loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    Optional<CfpPrincipal> find(String username) {
        return principal(jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username).query(this::row).optional());
    }

    private record Row(long id, String username, String displayName, String passwordHash, Long organisationId, boolean enabled,
                       boolean locked) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organisation_id");
        Long orgId = rs.wasNull() ? null : org;
        // failed logins are throttled per account and source address (LoginThrottle), never by locking the account
        boolean locked = false;
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash"),
                orgId, rs.getBoolean("enabled"), locked);
    }

    /** The roles are read after the user's row, never from inside its row mapper (which would hold a second connection). */
    private Optional<CfpPrincipal> principal(Optional<Row> row) {
        return row.map(r -> new CfpPrincipal(r.id(), r.username(), r.displayName(), r.passwordHash(), roles(r.id()), r.organisationId(),
                r.enabled(), r.locked()));
    }

    private EnumSet<Role> roles(long id) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_id = :id").param("id", id).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }
}
