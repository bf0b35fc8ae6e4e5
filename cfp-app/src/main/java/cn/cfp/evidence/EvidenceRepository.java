package cn.cfp.evidence;

import cn.cfp.shared.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Evidence metadata rows. Rows are only ever inserted; the unique key (organisation, case, document name, version)
 * makes two uploads that computed the same next version collide instead of both being stored as that version.
 */
@Repository
class EvidenceRepository {

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version the next upload of the document would get: one more than the highest stored. */
    int nextVersion(long organisationId, String caseRef, String logicalName) {
        return jdbc.sql("""
                SELECT COALESCE(MAX(version), 0) FROM evidence_file
                WHERE organisation_id = :o AND case_ref = :c AND logical_name = :n""")
                .param("o", organisationId).param("c", caseRef).param("n", logicalName).query(Integer.class).single() + 1;
    }

    /**
     * Inserts the row and returns its id; throws {@link org.springframework.dao.DuplicateKeyException} when the
     * version was taken meanwhile.
     */
    long insert(long organisationId, String caseRef, String logicalName, int version, String sha256, long size,
                String contentType, String filename, String uploadedBy, OffsetDateTime at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO evidence_file (organisation_id, case_ref, logical_name, version, sha256, size_bytes, content_type,
                                           original_filename, uploaded_by, uploaded_at)
                VALUES (:o, :c, :n, :v, :sha, :size, :type, :fn, :by, :at)""")
                .param("o", organisationId).param("c", caseRef).param("n", logicalName).param("v", version)
                .param("sha", sha256).param("size", size).param("type", contentType).param("fn", filename)
                .param("by", uploadedBy).param("at", at).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    Optional<EvidenceFile> find(long id) {
        return jdbc.sql("SELECT * FROM evidence_file WHERE id = :id").param("id", id).query(EvidenceRepository::map).optional();
    }

    /**
     * A page of the organisation's files the search selects, in its order, and how many it selects in all: a count and
     * one page read with OFFSET/FETCH (standard SQL, the same on H2 and PostgreSQL), never the whole list.
     */
    Paging.Page<EvidenceFile> search(long organisationId, EvidenceSearch s, Paging paging) {
        StringBuilder where = new StringBuilder(" WHERE organisation_id = :o");
        Map<String, Object> params = new HashMap<>();
        params.put("o", organisationId);
        if (s.text() != null) {
            where.append(" AND (LOWER(logical_name) LIKE :q ESCAPE '\\' OR LOWER(original_filename) LIKE :q ESCAPE '\\')");
            params.put("q", containing(s.text()));
        }
        if (s.caseRef() != null) {
            where.append(" AND LOWER(case_ref) LIKE :c ESCAPE '\\'");
            params.put("c", containing(s.caseRef()));
        }
        if (s.type() != null) {
            where.append(" AND content_type = :type");
            params.put("type", s.type().mediaType());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM evidence_file" + where).params(params).query(Long.class).single();
        List<EvidenceFile> items = jdbc.sql("SELECT * FROM evidence_file" + where + " ORDER BY " + s.order().sql
                        + " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(params).param("offset", paging.offset()).param("size", paging.size())
                .query(EvidenceRepository::map).list();
        return new Paging.Page<>(items, total);
    }

    /** A LIKE pattern for "contains", case-insensitive, with the person's % and _ taken literally. */
    private static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static EvidenceFile map(ResultSet rs, int row) throws SQLException {
        return new EvidenceFile(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("case_ref"),
                rs.getString("logical_name"), rs.getInt("version"), rs.getString("sha256").trim(), rs.getLong("size_bytes"),
                rs.getString("content_type"), rs.getString("original_filename"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
    }
}
