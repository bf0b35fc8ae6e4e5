package cn.cfp.application;

import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and saves {@link Application}s with their products, checklist, declarations, units and history. Saving checks
 * the row version (a stale save is refused with words, never lost); ids come from the inserts and references from a
 * database sequence, so neither is ever reissued.
 */
@Repository
class ApplicationRepository {

    private static final TypeReference<Map<String, String>> FORM = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    ApplicationRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    private record Row(long id, String reference, String schemeCode, long applicant, long manufacturer, long factory,
                       String createdBy, OffsetDateTime createdAt, int version, String status, String form, LocalDate submittedOn,
                       LocalDate fileCompleteOn, LocalDate acceptanceDueOn, LocalDate acceptedOn, LocalDate contractSignedOn,
                       String contractFee, String decidedBy, String refusalReason) {
    }

    Optional<Application> find(long id) {
        return jdbc.sql("SELECT * FROM application WHERE id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("reference"), rs.getString("scheme_code"),
                        rs.getLong("applicant_org_id"), rs.getLong("manufacturer_org_id"), rs.getLong("factory_org_id"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("row_version"),
                        rs.getString("status"), rs.getString("form_json"), rs.getObject("submitted_on", LocalDate.class),
                        rs.getObject("file_complete_on", LocalDate.class), rs.getObject("acceptance_due_on", LocalDate.class),
                        rs.getObject("accepted_on", LocalDate.class), rs.getObject("contract_signed_on", LocalDate.class),
                        rs.getString("contract_fee"), rs.getString("decided_by"), rs.getString("refusal_reason")))
                .optional()
                .map(r -> new Application(r.id(), r.reference(), r.schemeCode(), r.applicant(), r.manufacturer(), r.factory(),
                        r.createdBy(), r.createdAt().toInstant(), r.version(), ApplicationStatus.valueOf(r.status()),
                        json.readValue(r.form(), FORM), r.submittedOn(), r.fileCompleteOn(), r.acceptanceDueOn(), r.acceptedOn(),
                        r.contractSignedOn(), r.contractFee(), r.decidedBy(), r.refusalReason(),
                        ApplicationQueries.products(jdbc, List.of(r.id())).getOrDefault(r.id(), List.of()), documents(r.id()),
                        eligibility(r.id()), ApplicationQueries.units(jdbc, List.of(r.id())).getOrDefault(r.id(), List.of()),
                        history(r.id())));
    }

    /** Inserts a new application with the next reference of the year; returns it as stored. */
    Application insert(Application a, int year) {
        String reference = nextReference(year);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO application (reference, scheme_code, applicant_org_id, manufacturer_org_id, factory_org_id, status,
                                         form_json, created_by, created_at, row_version)
                VALUES (:r, :s, :a, :m, :f, :st, :form, :by, :at, 0)""")
                .param("r", reference).param("s", a.schemeCode()).param("a", a.applicantOrgId()).param("m", a.manufacturerOrgId())
                .param("f", a.factoryOrgId()).param("st", a.status().name()).param("form", json.writeValueAsString(a.form()))
                .param("by", a.createdBy()).param("at", OffsetDateTime.ofInstant(a.createdAt(), ZoneOffset.UTC)).update(key, "id");
        return find(key.getKeyAs(Long.class)).orElseThrow();
    }

    /** Saves every change of the aggregate if nobody saved it meanwhile; returns it as stored. */
    Application save(Application a) {
        int n = jdbc.sql("""
                UPDATE application SET status = :st, form_json = :form, submitted_on = :sub, file_complete_on = :fc,
                       acceptance_due_on = :due, accepted_on = :acc, contract_signed_on = :cs, contract_fee = :fee,
                       decided_by = :by, refusal_reason = :rr, row_version = row_version + 1
                WHERE id = :id AND row_version = :v""")
                .param("st", a.status().name()).param("form", json.writeValueAsString(a.form())).param("sub", a.submittedOn())
                .param("fc", a.fileCompleteOn()).param("due", a.acceptanceDueOn()).param("acc", a.acceptedOn())
                .param("cs", a.contractSignedOn()).param("fee", a.contractFee()).param("by", a.decidedBy())
                .param("rr", a.refusalReason()).param("id", a.id()).param("v", a.version()).update();
        if (n == 0) {
            throw Refusal.conflict("shared.staleWrite", a.reference());
        }
        long id = a.id();
        for (long removed : a.removedProducts()) {
            jdbc.sql("DELETE FROM application_product WHERE id = :p AND application_id = :a").param("p", removed).param("a", id).update();
        }
        for (ApplicationView.Product p : a.products()) {
            if (p.id() == 0) {
                jdbc.sql("""
                        INSERT INTO application_product (application_id, product_name, model, category, site_id, bom_items, ghg_sources)
                        VALUES (:a, :n, :m, :c, :s, :b, :g)""").param("a", id).param("n", p.productName()).param("m", p.model())
                        .param("c", p.category()).param("s", p.siteId()).param("b", p.bomItems()).param("g", p.ghgSources()).update();
            }
        }
        if (a.documentsChanged()) {
            jdbc.sql("DELETE FROM application_document WHERE application_id = :a").param("a", id).update();
            a.documents().forEach((item, d) -> jdbc.sql("""
                    INSERT INTO application_document (application_id, item_id, applies, evidence_id) VALUES (:a, :i, :ap, :e)""")
                    .param("a", id).param("i", item).param("ap", d.applies()).param("e", d.evidenceId()).update());
        }
        if (a.eligibilityChanged()) {
            jdbc.sql("DELETE FROM eligibility_declaration WHERE application_id = :a").param("a", id).update();
            a.eligibility().forEach((c, d) -> jdbc.sql("""
                    INSERT INTO eligibility_declaration (application_id, condition_code, declared, note) VALUES (:a, :c, :d, :n)""")
                    .param("a", id).param("c", c.name()).param("d", d.declared()).param("n", d.note()).update());
        }
        if (a.unitsChanged()) {
            jdbc.sql("DELETE FROM certification_unit WHERE application_id = :a").param("a", id).update();
            for (ApplicationView.Unit u : a.units()) {
                jdbc.sql("""
                        INSERT INTO certification_unit (application_id, label, site_id, category, models, functional_unit, agreed,
                                                        division_reason)
                        VALUES (:a, :l, :s, :c, :m, :f, TRUE, :r)""").param("a", id).param("l", u.label()).param("s", u.siteId())
                        .param("c", u.category()).param("m", String.join("\n", u.models())).param("f", u.functionalUnit())
                        .param("r", u.divisionReason()).update();
            }
        }
        for (Application.Entry e : a.newEntries()) {
            jdbc.sql("""
                    INSERT INTO application_event (application_id, happened_on, recorded_at, actor, kind, note, due_on)
                    VALUES (:a, :d, :at, :actor, :k, :n, :due)""").param("a", id).param("d", e.on())
                    .param("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC)).param("actor", e.actor()).param("k", e.kind())
                    .param("n", e.note()).param("due", e.dueOn()).update();
        }
        a.drainEvents().forEach(events::publishEvent);
        return find(id).orElseThrow();
    }

    /** The id of the product just added (the highest id of the application's products, inserted in this transaction). */
    long lastProductId(long applicationId) {
        return jdbc.sql("SELECT id FROM application_product WHERE application_id = :a ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("a", applicationId).query(Long.class).single();
    }

    /**
     * Document-review rounds are numbered by a unique (application, round) key: two reviewers cannot both record round n.
     * The round's supplement requests and the document versions it reviewed are stored with it.
     */
    void insertReview(long applicationId, DocumentReviews.Review r) {
        try {
            jdbc.sql("""
                    INSERT INTO document_review (application_id, round, conclusion, findings, staff_note, reviewer, reviewed_on)
                    VALUES (:a, :r, :c, :f, :sn, :by, :d)""").param("a", applicationId).param("r", r.round())
                    .param("c", r.conclusion().name()).param("f", r.findings()).param("sn", r.staffNote()).param("by", r.reviewer())
                    .param("d", r.on()).update();
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("application.review.roundTaken", r.round());
        }
        for (DocumentReviews.Request q : r.requests()) {
            jdbc.sql("INSERT INTO document_review_request (application_id, round, item_id, request) VALUES (:a, :r, :i, :q)")
                    .param("a", applicationId).param("r", r.round()).param("i", q.item()).param("q", q.request()).update();
        }
        for (DocumentReviews.ReviewedFile f : r.files()) {
            jdbc.sql("""
                    INSERT INTO document_review_file (application_id, round, item_id, evidence_id, version, sha256)
                    VALUES (:a, :r, :i, :e, :v, :h)""").param("a", applicationId).param("r", r.round()).param("i", f.item())
                    .param("e", f.evidenceId()).param("v", f.version()).param("h", f.sha256()).update();
        }
    }

    /** Records the client's supplement to a round once: of two submissions at once, the second is refused. */
    void recordSupplement(long applicationId, DocumentReviews.Review r) {
        int n = jdbc.sql("""
                UPDATE document_review SET supplemented_on = :d, supplemented_by = :by, supplement_note = :n
                WHERE application_id = :a AND round = :r AND supplemented_on IS NULL""")
                .param("d", r.supplement().on()).param("by", r.supplement().by()).param("n", r.supplement().note())
                .param("a", applicationId).param("r", r.round()).update();
        if (n == 0) {
            throw Refusal.conflict("application.review.supplementTaken", r.round());
        }
    }

    /** Every round of the application with its requests and reviewed versions (three queries, whatever the number of rounds). */
    List<DocumentReviews.Review> reviews(long applicationId) {
        Map<Integer, List<DocumentReviews.Request>> requests = new LinkedHashMap<>();
        jdbc.sql("SELECT round, item_id, request FROM document_review_request WHERE application_id = :a ORDER BY round, item_id")
                .param("a", applicationId)
                .query((rs, n) -> requests.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new DocumentReviews.Request(rs.getString(2), rs.getString(3)))).list();
        Map<Integer, List<DocumentReviews.ReviewedFile>> files = new LinkedHashMap<>();
        jdbc.sql("SELECT round, item_id, evidence_id, version, sha256 FROM document_review_file WHERE application_id = :a ORDER BY round, item_id")
                .param("a", applicationId)
                .query((rs, n) -> files.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new DocumentReviews.ReviewedFile(rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5)))).list();
        return jdbc.sql("SELECT * FROM document_review WHERE application_id = :a ORDER BY round").param("a", applicationId)
                .query((rs, n) -> {
                    int round = rs.getInt("round");
                    LocalDate supplementedOn = rs.getObject("supplemented_on", LocalDate.class);
                    return new DocumentReviews.Review(round, DocumentReviewConclusion.valueOf(rs.getString("conclusion")),
                            rs.getString("findings"), rs.getString("staff_note"), rs.getString("reviewer"),
                            rs.getObject("reviewed_on", LocalDate.class), requests.getOrDefault(round, List.of()),
                            files.getOrDefault(round, List.of()), supplementedOn == null ? null
                            : new DocumentReviews.Supplement(supplementedOn, rs.getString("supplemented_by"), rs.getString("supplement_note")));
                }).list();
    }

    /** The latest revocation on record per organisation (R-PTY-2), one query for all of them. */
    List<RevocationBanPolicy.Revocation> latestRevocations(List<Long> organisationIds, java.util.function.LongFunction<String> names) {
        record Row(long org, String certificateNo, LocalDate revokedOn) {
        }
        Map<Long, Row> latest = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT organisation_id, certificate_no, revoked_on FROM cfp_revocation WHERE organisation_id IN (:o)
                ORDER BY organisation_id, revoked_on DESC, id DESC""").param("o", organisationIds.stream().distinct().toList())
                .query((rs, n) -> latest.putIfAbsent(rs.getLong(1), new Row(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))))
                .list();
        // names are looked up after the query has finished, never inside its row mapper
        return latest.values().stream().map(r -> new RevocationBanPolicy.Revocation(r.org(), names.apply(r.org()), r.certificateNo(),
                r.revokedOn())).toList();
    }

    void insertRevocation(long organisationId, String certificateNo, LocalDate revokedOn, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO cfp_revocation (organisation_id, certificate_no, revoked_on, recorded_by, recorded_at)
                VALUES (:o, :c, :d, :by, :at)""").param("o", organisationId).param("c", certificateNo).param("d", revokedOn)
                .param("by", by).param("at", at).update();
    }

    private String nextReference(int year) {
        while (true) {
            long n = jdbc.sql("SELECT nextval('application_reference_seq')").query(Long.class).single();
            String reference = "CFPA-" + year + "-" + String.format("%04d", n);
            // references issued before the sequence existed are skipped, never reissued
            if (jdbc.sql("SELECT COUNT(*) FROM application WHERE reference = :r").param("r", reference).query(Long.class).single() == 0) {
                return reference;
            }
        }
    }

    private Map<String, Application.Document> documents(long id) {
        Map<String, Application.Document> m = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, applies, evidence_id FROM application_document WHERE application_id = :a").param("a", id)
                .query((rs, n) -> {
                    long ev = rs.getLong("evidence_id");
                    Long evidence = rs.wasNull() ? null : ev;
                    m.put(rs.getString("item_id"), new Application.Document(rs.getBoolean("applies"), evidence));
                    return null;
                }).list();
        return m;
    }

    private Map<Eligibility, Application.Declaration> eligibility(long id) {
        Map<Eligibility, Application.Declaration> m = new EnumMap<>(Eligibility.class);
        jdbc.sql("SELECT condition_code, declared, note FROM eligibility_declaration WHERE application_id = :a").param("a", id)
                .query((rs, n) -> m.put(Eligibility.valueOf(rs.getString(1)), new Application.Declaration(rs.getBoolean(2), rs.getString(3))))
                .list();
        return m;
    }

    private List<Application.Entry> history(long id) {
        List<Application.Entry> out = new ArrayList<>();
        jdbc.sql("SELECT * FROM application_event WHERE application_id = :a ORDER BY id").param("a", id)
                .query((rs, n) -> out.add(new Application.Entry(rs.getObject("happened_on", LocalDate.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("kind"),
                        rs.getString("note"), rs.getObject("due_on", LocalDate.class)))).list();
        return out;
    }
}
