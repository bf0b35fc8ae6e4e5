package cn.cfp.application;

import cn.cfp.party.Organisations;
import cn.cfp.party.Site;
import cn.cfp.shared.Paging;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read side of applications: {@link ApplicationView}s in batches. A list costs four queries whatever its length
 * (applications, their products, their units, the factories' sites) — never a query per row, and never a query inside
 * a row mapper (which would hold a second pooled connection per request).
 */
@Component
class ApplicationQueries {

    private final JdbcClient jdbc;
    private final Organisations organisations;

    ApplicationQueries(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    Optional<ApplicationView> view(long id) {
        return list("a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Who an application concerns, in one query (the record guard asks on every request about it). */
    record Parties(long id, String reference, long applicant, long manufacturer, long factory) {
        java.util.Set<Long> all() {
            return new java.util.HashSet<>(List.of(applicant, manufacturer, factory));
        }
    }

    Optional<Parties> parties(long id) {
        return jdbc.sql("SELECT id, reference, applicant_org_id, manufacturer_org_id, factory_org_id FROM application WHERE id = :id")
                .param("id", id).query((rs, n) -> new Parties(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .optional();
    }

    Optional<Long> idByReference(String reference) {
        return jdbc.sql("SELECT id FROM application WHERE reference = :r").param("r", reference).query(Long.class).optional();
    }

    static final String PARTY = "(a.applicant_org_id = :o OR a.manufacturer_org_id = :o OR a.factory_org_id = :o)";

    /** One page, newest first, of every application ({@code organisationId} null) or of one party's. */
    Paging.Page<ApplicationView> page(Long organisationId, Paging paging) {
        return page(organisationId, false, paging);
    }

    /** As {@link #page(Long, Paging)}, of accepted applications only when {@code acceptedOnly}. */
    Paging.Page<ApplicationView> page(Long organisationId, boolean acceptedOnly, Paging paging) {
        String where = (organisationId == null ? "1 = 1" : PARTY) + (acceptedOnly ? " AND a.accepted_on IS NOT NULL" : "");
        Map<String, Object> params = new HashMap<>();
        if (organisationId != null) {
            params.put("o", organisationId);
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM application a WHERE " + where).params(params).query(Long.class).single();
        params.put("off", paging.offset());
        params.put("lim", paging.size());
        return new Paging.Page<>(list(where + " ORDER BY a.id DESC OFFSET :off ROWS FETCH NEXT :lim ROWS ONLY", params), total);
    }

    List<ApplicationView> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("a.id IN (:ids)", Map.of("ids", ids));
    }

    /** An application awaiting its applicant or its reviewer, with the deadline that applies (supplement or acceptance notice). */
    record Pending(long id, String reference, ApplicationStatus status, LocalDate dueOn) {
    }

    /** Drafts, supplement requests and submitted files — of one party, or of everybody when {@code organisationId} is null. */
    List<Pending> pending(Long organisationId) {
        String party = organisationId == null ? "" : " AND (a.applicant_org_id = :o OR a.manufacturer_org_id = :o OR a.factory_org_id = :o)";
        return jdbc.sql("""
                SELECT a.id, a.reference, a.status, a.acceptance_due_on,
                       (SELECT MAX(e.due_on) FROM application_event e WHERE e.application_id = a.id AND e.kind = 'SUPPLEMENT_REQUESTED') AS supplement_due
                FROM application a WHERE a.status IN ('DRAFT', 'SUPPLEMENT_REQUESTED', 'SUBMITTED')""" + party + " ORDER BY a.id")
                .params(organisationId == null ? Map.of() : Map.of("o", organisationId))
                .query((rs, n) -> {
                    ApplicationStatus st = ApplicationStatus.valueOf(rs.getString(3));
                    LocalDate due = st == ApplicationStatus.SUPPLEMENT_REQUESTED ? rs.getObject(5, LocalDate.class) : rs.getObject(4, LocalDate.class);
                    return new Pending(rs.getLong(1), rs.getString(2), st, due);
                }).list();
    }

    record SupplementDue(long id, String reference, String schemeCode, int round) {
    }

    /**
     * The applicant's accepted applications whose last document-review round asked for a supplement the client has not
     * submitted (the caller still checks the scheme's number of rounds and that the case is open).
     */
    List<SupplementDue> documentSupplementsDue(long applicantOrgId) {
        return jdbc.sql("""
                SELECT a.id, a.reference, a.scheme_code, r.round FROM application a
                JOIN document_review r ON r.application_id = a.id
                WHERE a.applicant_org_id = :o AND a.status = 'ACCEPTED' AND r.conclusion = 'DOES_NOT_CONFORM' AND r.supplemented_on IS NULL
                  AND r.round = (SELECT MAX(x.round) FROM document_review x WHERE x.application_id = a.id)
                  AND EXISTS (SELECT 1 FROM document_review_request q WHERE q.application_id = a.id AND q.round = r.round)
                ORDER BY a.id""").param("o", applicantOrgId)
                .query((rs, n) -> new SupplementDue(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    private record Head(long id, String reference, String schemeCode, long applicant, long manufacturer, long factory,
                        ApplicationStatus status, LocalDate acceptedOn) {
    }

    private List<ApplicationView> list(String where, Map<String, ?> params) {
        List<Head> heads = jdbc.sql("""
                SELECT a.id, a.reference, a.scheme_code, a.applicant_org_id, a.manufacturer_org_id, a.factory_org_id, a.status,
                       a.accepted_on FROM application a WHERE """ + " " + (where.contains("ORDER BY") ? where : where + " ORDER BY a.id DESC"))
                .params(params)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        ApplicationStatus.valueOf(rs.getString(7)), rs.getObject(8, LocalDate.class))).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Long> ids = heads.stream().map(Head::id).toList();
        Map<Long, List<ApplicationView.Product>> products = products(jdbc, ids);
        Map<Long, List<ApplicationView.Unit>> units = units(jdbc, ids);
        Map<Long, List<Site>> sites = organisations.sitesOf(heads.stream().map(Head::factory).distinct().toList());
        List<ApplicationView> out = new ArrayList<>(heads.size());
        for (Head h : heads) {
            List<ApplicationView.Site> s = sites.getOrDefault(h.factory(), List.of()).stream()
                    .map(x -> new ApplicationView.Site(x.id(), x.name(), x.address())).toList();
            out.add(new ApplicationView(h.id(), h.reference(), h.schemeCode(), h.applicant(), h.manufacturer(), h.factory(), h.status(),
                    s, products.getOrDefault(h.id(), List.of()), units.getOrDefault(h.id(), List.of()), h.acceptedOn()));
        }
        return out;
    }

    static Map<Long, List<ApplicationView.Product>> products(JdbcClient jdbc, Collection<Long> applicationIds) {
        Map<Long, List<ApplicationView.Product>> m = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM application_product WHERE application_id IN (:a) ORDER BY id").param("a", applicationIds)
                .query((r, n) -> {
                    long site = r.getLong("site_id");
                    Long siteId = r.wasNull() ? null : site;
                    int bom = r.getInt("bom_items");
                    Integer bomItems = r.wasNull() ? null : bom;
                    int ghg = r.getInt("ghg_sources");
                    Integer ghgSources = r.wasNull() ? null : ghg;
                    return m.computeIfAbsent(r.getLong("application_id"), k -> new ArrayList<>())
                            .add(new ApplicationView.Product(r.getLong("id"), r.getString("product_name"), r.getString("model"),
                                    r.getString("category"), siteId, bomItems, ghgSources));
                }).list();
        return m;
    }

    static Map<Long, List<ApplicationView.Unit>> units(JdbcClient jdbc, Collection<Long> applicationIds) {
        Map<Long, List<ApplicationView.Unit>> m = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM certification_unit WHERE application_id IN (:a) ORDER BY id").param("a", applicationIds)
                .query((r, n) -> {
                    long site = r.getLong("site_id");
                    Long siteId = r.wasNull() ? null : site;
                    return m.computeIfAbsent(r.getLong("application_id"), k -> new ArrayList<>())
                            .add(new ApplicationView.Unit(r.getLong("id"), r.getString("label"), siteId, r.getString("category"),
                                    List.of(r.getString("models").split("\n")), r.getString("functional_unit"), r.getBoolean("agreed"),
                                    r.getString("division_reason")));
                }).list();
        return m;
    }
}
