package cn.cfp.access.internal;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

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
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username)
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    long org = rs.getLong("organisation_id");
                    Long orgId = rs.wasNull() ? null : org;
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
                    return new CfpPrincipal(id, rs.getString("username"), rs.getString("display_name"),
                            rs.getString("password_hash"), roles(id), orgId, rs.getBoolean("enabled"), locked);
                }).optional();
    }

    Optional<CfpPrincipal> findById(long id) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", id).query(String.class)
                .optional().flatMap(this::find);
    }

    private EnumSet<Role> roles(long id) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_id = :id").param("id", id).query(String.class).list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }
}
