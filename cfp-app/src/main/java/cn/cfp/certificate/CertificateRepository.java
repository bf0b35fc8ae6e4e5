package cn.cfp.certificate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The module's tables: the certificate, its history (append-only, numbered per certificate) and its issued versions. */
@Repository
class CertificateRepository {

    private final JdbcClient jdbc;

    CertificateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the certificate of a decided case with its first history entry; false when it exists already. */
    boolean create(long applicationId, long caseId, String reference, String schemeCode, LocalDate decidedOn, String outcome,
                   long deciderUserId, List<Long> reviewers, Instant at) {
        if (jdbc.sql("SELECT COUNT(*) FROM certificate WHERE application_id = :a").param("a", applicationId)
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO certificate (application_id, case_id, reference, scheme_code, decided_on, outcome, decider_user_id,
                    reviewer_ids, created_at)
                VALUES (:a, :c, :r, :s, :d, :o, :u, :rv, :at)""")
                .param("a", applicationId).param("c", caseId).param("r", reference).param("s", schemeCode)
                .param("d", decidedOn).param("o", outcome).param("u", deciderUserId)
                .param("rv", String.join(",", reviewers.stream().map(String::valueOf).toList()))
                .param("at", Timestamp.from(at)).update();
        return true;
    }

    /** Appends one entry; a concurrent append with the same number fails on the unique key. */
    void append(long applicationId, int seq, Certificate.Kind kind, long actorId, String actorName, Instant at, String data) {
        jdbc.sql("""
                INSERT INTO certificate_entry (application_id, seq, kind, actor_id, actor_name, at, data)
                VALUES (:a, :s, :k, :ai, :an, :at, :d)""")
                .param("a", applicationId).param("s", seq).param("k", kind.name()).param("ai", actorId)
                .param("an", actorName).param("at", Timestamp.from(at)).param("d", data).update();
    }

    void insertIssue(long applicationId, String number, int version, LocalDate issuedOn, LocalDate validUntil, String publicJson,
                     byte[] pdf, String sha256, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO certificate_issue (number, version, application_id, issued_on, valid_until, public_json, pdf,
                    pdf_sha256, issued_by, issued_at)
                VALUES (:n, :v, :a, :on, :until, :j, :pdf, :sha, :by, :at)""")
                .param("n", number).param("v", version).param("a", applicationId).param("on", issuedOn)
                .param("until", validUntil).param("j", publicJson).param("pdf", pdf).param("sha", sha256)
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    Optional<Certificate> find(long applicationId) {
        return jdbc.sql("SELECT * FROM certificate WHERE application_id = :a").param("a", applicationId)
                .query((rs, i) -> new Object[] {rs.getLong("application_id"), rs.getLong("case_id"), rs.getString("reference"),
                        rs.getString("scheme_code"), rs.getDate("decided_on").toLocalDate(), rs.getLong("decider_user_id"),
                        rs.getString("reviewer_ids")})
                .optional().map(r -> new Certificate((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (LocalDate) r[4],
                        (Long) r[5], ids((String) r[6]), entries(applicationId), issues(applicationId), CertificateJson.INSTANCE));
    }

    Optional<Long> applicationOf(String number) {
        return jdbc.sql("SELECT application_id FROM certificate_issue WHERE number = :n ORDER BY version DESC")
                .param("n", number).query(Long.class).list().stream().findFirst();
    }

    /** The stored PDF of an issued version, exactly as signed. */
    Optional<byte[]> pdf(String number, int version) {
        return jdbc.sql("SELECT pdf FROM certificate_issue WHERE number = :n AND version = :v").param("n", number)
                .param("v", version).query((rs, i) -> rs.getBytes(1)).optional();
    }

    Optional<String> publicJson(String number, int version) {
        return jdbc.sql("SELECT public_json FROM certificate_issue WHERE number = :n AND version = :v").param("n", number)
                .param("v", version).query(String.class).optional();
    }

    /** Application ids of certificates, newest first; of the given cases' only, and issued ones only, when asked. */
    List<Long> page(Collection<Long> applicationIds, boolean issuedOnly, int offset, int limit) {
        if (applicationIds != null && applicationIds.isEmpty()) {
            return List.of();
        }
        String where = where(applicationIds, issuedOnly);
        var q = jdbc.sql("SELECT application_id FROM certificate" + where
                + " ORDER BY created_at DESC, application_id DESC LIMIT :l OFFSET :o");
        if (applicationIds != null) {
            q = q.param("ids", applicationIds);
        }
        return q.param("l", limit).param("o", offset).query(Long.class).list();
    }

    long count(Collection<Long> applicationIds, boolean issuedOnly) {
        if (applicationIds != null && applicationIds.isEmpty()) {
            return 0;
        }
        String where = where(applicationIds, issuedOnly);
        var q = jdbc.sql("SELECT COUNT(*) FROM certificate" + where);
        if (applicationIds != null) {
            q = q.param("ids", applicationIds);
        }
        return q.query(Long.class).single();
    }

    private static String where(Collection<Long> applicationIds, boolean issuedOnly) {
        List<String> w = new java.util.ArrayList<>();
        if (applicationIds != null) {
            w.add("application_id IN (:ids)");
        }
        if (issuedOnly) {
            w.add("EXISTS (SELECT 1 FROM certificate_issue i WHERE i.application_id = certificate.application_id)");
        }
        return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
    }

    /** Certificates not issued yet (the preparers' work), oldest decision first. */
    List<Long> notIssued() {
        return jdbc.sql("""
                SELECT c.application_id FROM certificate c
                WHERE NOT EXISTS (SELECT 1 FROM certificate_issue i WHERE i.application_id = c.application_id)
                ORDER BY c.decided_on, c.application_id""").query(Long.class).list();
    }

    private List<Certificate.Entry> entries(long applicationId) {
        return jdbc.sql("SELECT * FROM certificate_entry WHERE application_id = :a ORDER BY seq").param("a", applicationId)
                .query((rs, i) -> new Certificate.Entry(rs.getInt("seq"), Certificate.Kind.valueOf(rs.getString("kind")),
                        rs.getLong("actor_id"), rs.getString("actor_name"), rs.getTimestamp("at").toInstant(), rs.getString("data")))
                .list();
    }

    private List<Certificate.Issue> issues(long applicationId) {
        return jdbc.sql("""
                SELECT number, version, issued_on, valid_until, issued_by, issued_at FROM certificate_issue
                WHERE application_id = :a ORDER BY version""").param("a", applicationId)
                .query((rs, i) -> new Certificate.Issue(rs.getString("number"), rs.getInt("version"),
                        rs.getDate("issued_on").toLocalDate(), rs.getDate("valid_until").toLocalDate(), rs.getString("issued_by"),
                        rs.getTimestamp("issued_at").toInstant()))
                .list();
    }

    private static List<Long> ids(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).map(Long::valueOf).toList();
    }
}
