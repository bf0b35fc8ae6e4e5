package cn.cfp.party;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Organisations and their production sites as stored; ids come from the inserts. */
@Repository
class OrganisationRepository {

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, String nameEn, String creditCode, Organisation.Kind kind, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organisation (name, name_en, credit_code, kind, created_at) VALUES (:n, :e, :c, :k, :t)")
                .param("n", name).param("e", nameEn).param("c", creditCode).param("k", kind.name()).param("t", at)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    long insertClient(ClientRegistration r, String creditCode, Long registeredBy, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO organisation (name, name_en, credit_code, kind, created_at, address, legal_representative,
                                          contact_name, contact_phone, registered_by_org, registry_key)
                VALUES (:n, :e, :c, 'CLIENT', :t, :a, :l, :cn, :cp, :rb, :rk)""")
                .param("n", r.name().strip()).param("e", r.nameEn()).param("c", creditCode).param("t", at)
                .param("a", r.address().strip()).param("l", r.legalRepresentative().strip()).param("cn", r.contactName().strip())
                .param("cp", r.contactPhone().strip()).param("rb", registeredBy).param("rk", registeredBy == null ? 0L : registeredBy)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    long insertSite(long organisationId, String name, String address) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO production_site (organisation_id, name, address) VALUES (:o, :n, :a)")
                .param("o", organisationId).param("n", name).param("a", address).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    List<Site> sites(long organisationId) {
        return jdbc.sql("SELECT * FROM production_site WHERE organisation_id = :o ORDER BY id").param("o", organisationId)
                .query(OrganisationRepository::site).list();
    }

    /** The sites of several organisations in one query, by organisation id. */
    Map<Long, List<Site>> sitesOf(Collection<Long> organisationIds) {
        Map<Long, List<Site>> m = new LinkedHashMap<>();
        if (organisationIds.isEmpty()) {
            return m;
        }
        jdbc.sql("SELECT * FROM production_site WHERE organisation_id IN (:o) ORDER BY id").param("o", organisationIds)
                .query(OrganisationRepository::site).list()
                .forEach(s -> m.computeIfAbsent(s.organisationId(), k -> new ArrayList<>()).add(s));
        return m;
    }

    Optional<Site> site(long siteId) {
        return jdbc.sql("SELECT * FROM production_site WHERE id = :id").param("id", siteId)
                .query(OrganisationRepository::site).optional();
    }

    List<Organisation> partiesOf(long clientOrgId) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :o OR registered_by_org = :o ORDER BY id").param("o", clientOrgId)
                .query(OrganisationRepository::organisation).list();
    }

    /** Whether this registrant (a client's organisation id, or null for the body's own onboarding) registered the code. */
    boolean registeredBy(String code, Long registeredBy) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation WHERE credit_code = :c AND registry_key = :k").param("c", code)
                .param("k", registeredBy == null ? 0L : registeredBy).query(Long.class).single() > 0;
    }

    Optional<Organisation> findByCreditCode(String code) {
        return jdbc.sql("SELECT * FROM organisation WHERE credit_code = :c").param("c", code)
                .query(OrganisationRepository::organisation).optional();
    }

    List<Organisation> all() {
        return jdbc.sql("SELECT * FROM organisation ORDER BY kind, id").query(OrganisationRepository::organisation).list();
    }

    Optional<Organisation> find(long id) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :id").param("id", id)
                .query(OrganisationRepository::organisation).optional();
    }

    Optional<Organisation> findByName(String name) {
        return jdbc.sql("SELECT * FROM organisation WHERE name = :n").param("n", name)
                .query(OrganisationRepository::organisation).optional();
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getString("address"));
    }

    private static Organisation organisation(ResultSet rs, int row) throws SQLException {
        long by = rs.getLong("registered_by_org");
        Long registeredBy = rs.wasNull() ? null : by;
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("credit_code"), Organisation.Kind.valueOf(rs.getString("kind")), rs.getString("address"),
                rs.getString("legal_representative"), rs.getString("contact_name"), rs.getString("contact_phone"), registeredBy);
    }
}
