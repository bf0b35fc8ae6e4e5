package cn.cfp.verification;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code verification_submission}, {@code verification_correction}, {@code verification_aspect} and
 * {@code verification_result}. Submissions, corrections and results are only ever inserted; a submission's number per
 * case is a unique key (two uploads at the same moment cannot both become version n); an aspect's row is saved with a
 * version check.
 */
@Repository
class VerificationRepository {

    private final JdbcClient jdbc;

    VerificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextSubmissionNumber(long applicationId) {
        return jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM verification_submission WHERE application_id = :a")
                .param("a", applicationId).query(Integer.class).single();
    }

    long insertSubmission(long applicationId, int number, long evidenceId, String sha, String filename,
                          FootprintAdapter.Format format, BigDecimal claimed, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO verification_submission (application_id, version_no, evidence_id, sha256, filename, format,
                    claimed_kg, uploaded_by, uploaded_at)
                VALUES (:a, :no, :e, :sha, :fn, :fmt, :claim, :by, :at)""")
                .param("a", applicationId).param("no", number).param("e", evidenceId).param("sha", sha)
                .param("fn", filename).param("fmt", format.name()).param("claim", claimed).param("by", by)
                .param("at", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    List<SubmissionView> submissions(long applicationId) {
        return jdbc.sql("SELECT * FROM verification_submission WHERE application_id = :a ORDER BY version_no")
                .param("a", applicationId).query(VerificationRepository::submission).list();
    }

    Optional<SubmissionView> latest(long applicationId) {
        List<SubmissionView> all = submissions(applicationId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static SubmissionView submission(ResultSet rs, int n) throws SQLException {
        return new SubmissionView(rs.getLong("id"), rs.getLong("application_id"), rs.getInt("version_no"),
                rs.getLong("evidence_id"), rs.getString("sha256"), rs.getString("filename"),
                FootprintAdapter.Format.valueOf(rs.getString("format")), rs.getBigDecimal("claimed_kg"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }

    long insertCorrection(long applicationId, long submissionId, Correction c, double original, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO verification_correction (application_id, submission_id, kind, process_id, item, factor_id, gas,
                    original_value, corrected_value, reason, corrected_by, corrected_at)
                VALUES (:a, :s, :k, :p, :i, :f, :g, :o, :v, :r, :by, :at)""")
                .param("a", applicationId).param("s", submissionId).param("k", c.kind().name()).param("p", c.processId())
                .param("i", c.item()).param("f", c.factorId()).param("g", c.gas()).param("o", original)
                .param("v", c.correctedValue()).param("r", c.reason()).param("by", by).param("at", Timestamp.from(at))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The corrections of a submission in the order they were made (a later one on the same value wins). */
    List<Correction.Stored> corrections(long submissionId) {
        return jdbc.sql("SELECT * FROM verification_correction WHERE submission_id = :s ORDER BY id")
                .param("s", submissionId).query((rs, n) -> new Correction.Stored(rs.getLong("id"), rs.getLong("submission_id"),
                        new Correction(Correction.Kind.valueOf(rs.getString("kind")), rs.getString("process_id"),
                                rs.getString("item"), rs.getString("factor_id"), rs.getString("gas"),
                                rs.getDouble("corrected_value"), rs.getString("reason")),
                        rs.getDouble("original_value"), rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant()))
                .list();
    }

    List<Aspect.Concluded> aspects(long applicationId) {
        return jdbc.sql("SELECT * FROM verification_aspect WHERE application_id = :a").param("a", applicationId)
                .query((rs, n) -> new Aspect.Concluded(Aspect.valueOf(rs.getString("aspect")),
                        Aspect.Conclusion.valueOf(rs.getString("conclusion")), rs.getString("note"), rs.getString("concluded_by"),
                        rs.getTimestamp("concluded_at").toInstant(), rs.getInt("version")))
                .list().stream().sorted(java.util.Comparator.comparing(Aspect.Concluded::aspect)).toList();
    }

    void insertAspect(long applicationId, Aspect aspect, Aspect.Conclusion conclusion, String note, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO verification_aspect (application_id, aspect, conclusion, note, concluded_by, concluded_at, version)
                VALUES (:a, :asp, :c, :n, :by, :at, 0)""")
                .param("a", applicationId).param("asp", aspect.name()).param("c", conclusion.name()).param("n", note)
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** Saves over the row read at {@code version}; false when someone saved in between. */
    boolean updateAspect(long applicationId, Aspect aspect, int version, Aspect.Conclusion conclusion, String note, String by,
                         Instant at) {
        return jdbc.sql("""
                UPDATE verification_aspect SET conclusion = :c, note = :n, concluded_by = :by, concluded_at = :at,
                    version = version + 1
                WHERE application_id = :a AND aspect = :asp AND version = :v""")
                .param("a", applicationId).param("asp", aspect.name()).param("c", conclusion.name()).param("n", note)
                .param("by", by).param("at", Timestamp.from(at)).param("v", version).update() == 1;
    }

    long insertResult(long applicationId, SubmissionView s, String engine, String gwp, List<Long> corrections,
                      Long lastCorrection, Integer iterations, Long seed, double total, Double deviation, BigDecimal materiality,
                      Deviation classification, boolean qualityOk, String json, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO verification_result (application_id, submission_id, sha256, engine_version, gwp_set, corrections,
                    last_correction, mc_iterations, mc_seed, total_kg, claimed_kg, deviation_pct, materiality_pct,
                    classification, quality_ok, result_json, calculated_by, calculated_at)
                VALUES (:a, :s, :sha, :eng, :gwp, :corr, :last, :it, :seed, :total, :claim, :dev, :mat, :cls, :q, :json, :by, :at)""")
                .param("a", applicationId).param("s", s.id()).param("sha", s.sha256()).param("eng", engine).param("gwp", gwp)
                .param("corr", String.join(",", corrections.stream().map(String::valueOf).toList()))
                .param("last", lastCorrection).param("it", iterations).param("seed", seed).param("total", total)
                .param("claim", s.claimedKgCo2e()).param("dev", deviation).param("mat", materiality)
                .param("cls", classification.name()).param("q", qualityOk).param("json", json).param("by", by)
                .param("at", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    List<RecalculationView> results(long applicationId) {
        return jdbc.sql("""
                SELECT r.*, s.version_no FROM verification_result r JOIN verification_submission s ON s.id = r.submission_id
                WHERE r.application_id = :a ORDER BY r.id""")
                .param("a", applicationId).query(VerificationRepository::result).list();
    }

    Optional<RecalculationView> result(long applicationId, long id) {
        return results(applicationId).stream().filter(r -> r.id() == id).findFirst();
    }

    private static RecalculationView result(ResultSet rs, int n) throws SQLException {
        String corr = rs.getString("corrections");
        List<Long> ids = corr == null || corr.isBlank() ? List.of() : Arrays.stream(corr.split(",")).map(Long::valueOf).toList();
        long last = rs.getLong("last_correction");
        Long lastId = rs.wasNull() ? null : last;
        int it = rs.getInt("mc_iterations");
        Integer iterations = rs.wasNull() ? null : it;
        long seed = rs.getLong("mc_seed");
        Long seedV = rs.wasNull() ? null : seed;
        double dev = rs.getDouble("deviation_pct");
        Double devV = rs.wasNull() ? null : dev;
        return new RecalculationView(rs.getLong("id"), rs.getLong("application_id"), rs.getLong("submission_id"),
                rs.getInt("version_no"), rs.getString("sha256"), rs.getString("engine_version"), rs.getString("gwp_set"), ids,
                lastId, iterations, seedV, rs.getDouble("total_kg"), rs.getBigDecimal("claimed_kg"), devV,
                rs.getBigDecimal("materiality_pct"), Deviation.valueOf(rs.getString("classification")),
                rs.getBoolean("quality_ok"), rs.getString("calculated_by"), rs.getTimestamp("calculated_at").toInstant(),
                rs.getString("result_json"));
    }
}
