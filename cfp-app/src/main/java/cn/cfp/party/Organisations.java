package cn.cfp.party;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Organisations {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Organisations(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long create(String actor, String name, String nameEn, String creditCode, Organisation.Kind kind) {
        if (name == null || name.isBlank()) {
            throw new Refusal("An organisation needs a name / 组织名称不能为空");
        }
        jdbc.sql("INSERT INTO organisation (name, name_en, credit_code, kind, created_at) VALUES (:n, :e, :c, :k, :t)")
                .param("n", name.strip()).param("e", nameEn).param("c", creditCode).param("k", kind.name())
                .param("t", OffsetDateTime.now(clock)).update();
        long id = jdbc.sql("SELECT MAX(id) FROM organisation WHERE name = :n").param("n", name.strip()).query(Long.class).single();
        audit.record(actor, "ORGANISATION_CREATED", "organisation:" + id,
                Map.of("name", name.strip(), "kind", kind.name(), "creditCode", String.valueOf(creditCode)));
        return id;
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT * FROM organisation ORDER BY kind, id").query(this::map).list();
    }

    public Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public Optional<Organisation> findByName(String name) {
        return jdbc.sql("SELECT * FROM organisation WHERE name = :n").param("n", name).query(this::map).optional();
    }

    private Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("credit_code"), Organisation.Kind.valueOf(rs.getString("kind")));
    }
}
