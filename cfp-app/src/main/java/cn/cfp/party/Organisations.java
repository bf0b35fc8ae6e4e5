package cn.cfp.party;

import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Reason;
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
            throw Refusal.badRequest("party.name.required");
        }
        jdbc.sql("INSERT INTO organisation (name, name_en, credit_code, kind, created_at) VALUES (:n, :e, :c, :k, :t)")
                .param("n", name.strip()).param("e", nameEn).param("c", creditCode).param("k", kind.name())
                .param("t", OffsetDateTime.now(clock)).update();
        long id = jdbc.sql("SELECT MAX(id) FROM organisation WHERE name = :n").param("n", name.strip()).query(Long.class).single();
        audit.record(actor, "ORGANISATION_CREATED", "organisation:" + id,
                Map.of("name", name.strip(), "kind", kind.name(), "creditCode", String.valueOf(creditCode)));
        return id;
    }

    /**
     * Registers a client company (R-PTY-1). {@code registeredBy} is the client organisation whose user
     * registers it (a manufacturer or factory that is a different legal person from the applicant), or
     * null when the company registers itself.
     */
    @Transactional
    public long registerClient(String actor, ClientRegistration r, Long registeredBy) {
        java.util.List<Reason> problems = new java.util.ArrayList<>();
        CreditCode code = null;
        try {
            code = new CreditCode(r.creditCode());
        } catch (Refusal e) {
            problems.addAll(e.reasons());
        }
        if (r.name() == null || r.name().isBlank()) {
            problems.add(Reason.of("party.name.required").at("name"));
        }
        if (r.address() == null || r.address().isBlank()) {
            problems.add(Reason.of("party.address.required").at("address"));
        }
        if (r.legalRepresentative() == null || r.legalRepresentative().isBlank()) {
            problems.add(Reason.of("party.legalRepresentative.required").at("legalRepresentative"));
        }
        if (r.contactName() == null || r.contactName().isBlank() || r.contactPhone() == null || r.contactPhone().isBlank()) {
            problems.add(Reason.of("party.contact.required").at("contactName"));
        }
        if (code != null && findByCreditCode(code.value()).isPresent()) {
            problems.add(Reason.of("party.creditCode.registered", code.value()).at("creditCode"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        jdbc.sql("""
                INSERT INTO organisation (name, name_en, credit_code, kind, created_at, address, legal_representative,
                                          contact_name, contact_phone, registered_by_org)
                VALUES (:n, :e, :c, 'CLIENT', :t, :a, :l, :cn, :cp, :rb)""")
                .param("n", r.name().strip()).param("e", r.nameEn()).param("c", code.value()).param("t", OffsetDateTime.now(clock))
                .param("a", r.address().strip()).param("l", r.legalRepresentative().strip()).param("cn", r.contactName().strip())
                .param("cp", r.contactPhone().strip()).param("rb", registeredBy).update();
        long id = findByCreditCode(code.value()).orElseThrow().id();
        audit.record(actor, "CLIENT_REGISTERED", "organisation:" + id,
                Map.of("name", r.name().strip(), "creditCode", code.value(), "registeredBy", String.valueOf(registeredBy)));
        return id;
    }

    @Transactional
    public long addSite(String actor, long organisationId, String name, String address) {
        if (name == null || name.isBlank() || address == null || address.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("party.site.required").at("name")));
        }
        find(organisationId).orElseThrow(() -> Refusal.notFound("party.organisation.notFound", organisationId));
        jdbc.sql("INSERT INTO production_site (organisation_id, name, address) VALUES (:o, :n, :a)")
                .param("o", organisationId).param("n", name.strip()).param("a", address.strip()).update();
        long id = jdbc.sql("SELECT MAX(id) FROM production_site WHERE organisation_id = :o").param("o", organisationId)
                .query(Long.class).single();
        audit.record(actor, "SITE_ADDED", "organisation:" + organisationId, Map.of("site", id, "name", name.strip(), "address", address.strip()));
        return id;
    }

    public List<Site> sites(long organisationId) {
        return jdbc.sql("SELECT * FROM production_site WHERE organisation_id = :o ORDER BY id").param("o", organisationId)
                .query((rs, n) -> new Site(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getString("address")))
                .list();
    }

    /** The sites of several organisations at once (one query), by organisation id. */
    public Map<Long, List<Site>> sitesOf(java.util.Collection<Long> organisationIds) {
        Map<Long, List<Site>> m = new java.util.LinkedHashMap<>();
        if (organisationIds.isEmpty()) {
            return m;
        }
        jdbc.sql("SELECT * FROM production_site WHERE organisation_id IN (:o) ORDER BY id").param("o", organisationIds)
                .query((rs, n) -> m.computeIfAbsent(rs.getLong("organisation_id"), k -> new java.util.ArrayList<>())
                        .add(new Site(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getString("address"))))
                .list();
        return m;
    }

    public Optional<Site> site(long siteId) {
        return jdbc.sql("SELECT * FROM production_site WHERE id = :id").param("id", siteId)
                .query((rs, n) -> new Site(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"), rs.getString("address")))
                .optional();
    }

    /** Client companies a client organisation may name on its applications: itself and those it registered. */
    public List<Organisation> partiesOf(long clientOrgId) {
        return jdbc.sql("SELECT * FROM organisation WHERE id = :o OR registered_by_org = :o ORDER BY id").param("o", clientOrgId)
                .query(this::map).list();
    }

    public Optional<Organisation> findByCreditCode(String code) {
        return jdbc.sql("SELECT * FROM organisation WHERE credit_code = :c").param("c", code).query(this::map).optional();
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
        long by = rs.getLong("registered_by_org");
        return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getString("name_en"),
                rs.getString("credit_code"), Organisation.Kind.valueOf(rs.getString("kind")), rs.getString("address"),
                rs.getString("legal_representative"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.wasNull() ? null : by);
    }
}
