package cn.cfp.planning;

import cn.cfp.access.CfpPrincipal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Inserts the minimal rows of an application (as the application module's tables hold them) for planning tests. */
final class PlanningFixture {

    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final Clock clock;

    PlanningFixture(JdbcClient jdbc, UserDetailsService users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    CfpPrincipal who(String username) {
        return (CfpPrincipal) users.loadUserByUsername(username);
    }

    long clientOrg(String clientUser) {
        return who(clientUser).organisationId();
    }

    /** An application of the client user's organisation (applicant = manufacturer = factory) with one site and product. */
    long application(String clientUser, String schemeCode, String status, String category, Integer bomItems, Integer ghgSources) {
        long org = clientOrg(clientUser);
        String ref = "T-" + UUID.randomUUID().toString().substring(0, 12);
        long site = jdbc.sql("INSERT INTO production_site (organisation_id, name, address) VALUES (:o, :n, :a)")
                .param("o", org).param("n", "一号厂区 " + ref).param("a", "测试路 1 号").update() > 0
                ? jdbc.sql("SELECT MAX(id) FROM production_site WHERE organisation_id = :o").param("o", org).query(Long.class).single() : 0;
        jdbc.sql("""
                INSERT INTO application (reference, scheme_code, applicant_org_id, manufacturer_org_id, factory_org_id, status,
                  form_json, created_by, created_at, accepted_on)
                VALUES (:r, :s, :o, :o, :o, :st, '{}', :by, :t, :acc)""")
                .param("r", ref).param("s", schemeCode).param("o", org).param("st", status).param("by", clientUser)
                .param("t", OffsetDateTime.now(clock)).param("acc", "ACCEPTED".equals(status) ? LocalDate.now(clock) : null).update();
        long id = jdbc.sql("SELECT id FROM application WHERE reference = :r").param("r", ref).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO application_product (application_id, product_name, model, category, site_id, bom_items, ghg_sources)
                VALUES (:a, '隔爆型三相异步电动机', 'YBX4-160M-4', :c, :s, :b, :g)""")
                .param("a", id).param("c", category).param("s", site).param("b", bomItems).param("g", ghgSources).update();
        return id;
    }

    long userId(String username) {
        return who(username).id();
    }
}
