package cn.cfp.numbering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The module's tables (V64): requests, submissions, numbers, the local counters. Rows are only ever added. */
@Repository
class NumberingRepository {

    private static final String SELECT = """
            SELECT r.*, s.submitted_on, s.channel, s.note, s.recorded_by AS s_by, s.recorded_at AS s_at,
                   n.number, n.source, n.recorded_by AS n_by, n.recorded_at AS n_at
            FROM number_request r
            LEFT JOIN number_submission s ON s.application_id = r.application_id
            LEFT JOIN certificate_number n ON n.application_id = r.application_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    NumberingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<NumberRecord> find(long applicationId) {
        return jdbc.sql(SELECT + " WHERE r.application_id = :a").param("a", applicationId).query(this::map).optional();
    }

    Optional<NumberRecord> findByProvisional(String provisionalReference) {
        return jdbc.sql(SELECT + " WHERE r.provisional_reference = :p").param("p", provisionalReference).query(this::map).optional();
    }

    /** The case holding a number, if any. */
    Optional<Long> holderOf(String number) {
        return jdbc.sql("SELECT application_id FROM certificate_number WHERE number = :n").param("n", number).query(Long.class).optional();
    }

    List<NumberRecord> all() {
        return jdbc.sql(SELECT + " ORDER BY r.requested_at DESC, r.application_id DESC").query(this::map).list();
    }

    long nextRequestSeq() {
        return jdbc.sql("SELECT nextval('number_request_seq')").query(Long.class).single();
    }

    void insertRequest(CertificateNumbers.NumberRequest r, String authority, String provisional, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO number_request (application_id, authority, scheme_code, case_reference, provisional_reference,
                    product_code, issue_on, fields, requested_by, requested_at)
                VALUES (:a, :auth, :s, :ref, :p, :pc, :on, :f, :by, :at)""")
                .param("a", r.applicationId()).param("auth", authority).param("s", r.schemeCode()).param("ref", r.reference())
                .param("p", provisional).param("pc", r.productCode()).param("on", r.issueOn())
                .param("f", json.writeValueAsString(r.fields() == null ? Map.of() : r.fields()))
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    void insertSubmission(long applicationId, LocalDate on, String channel, String note, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO number_submission (application_id, submitted_on, channel, note, recorded_by, recorded_at)
                VALUES (:a, :on, :c, :n, :by, :at)""")
                .param("a", applicationId).param("on", on).param("c", channel).param("n", note).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    void insertNumber(long applicationId, String number, String source, String schemeCode, int year, Integer serial,
                      String by, Instant at) {
        jdbc.sql("""
                INSERT INTO certificate_number (number, application_id, source, scheme_code, number_year, serial, recorded_by, recorded_at)
                VALUES (:n, :a, :src, :s, :y, :serial, :by, :at)""")
                .param("n", number).param("a", applicationId).param("src", source).param("s", schemeCode).param("y", year)
                .param("serial", serial).param("by", by).param("at", Timestamp.from(at)).update();
    }

    /** Makes the counter row of (scheme, year) if it is missing (a race with another maker is harmless). */
    void ensureCounter(String schemeCode, int year) {
        jdbc.sql("INSERT INTO number_counter (scheme_code, number_year, next_serial) VALUES (:s, :y, 1) ON CONFLICT DO NOTHING")
                .param("s", schemeCode).param("y", year).update();
    }

    /** The next serial, its row locked until the transaction ends (empty when the row is not there yet). */
    Optional<Integer> lockCounter(String schemeCode, int year) {
        return jdbc.sql("SELECT next_serial FROM number_counter WHERE scheme_code = :s AND number_year = :y FOR UPDATE")
                .param("s", schemeCode).param("y", year).query(Integer.class).optional();
    }

    void advanceCounter(String schemeCode, int year) {
        jdbc.sql("UPDATE number_counter SET next_serial = next_serial + 1 WHERE scheme_code = :s AND number_year = :y")
                .param("s", schemeCode).param("y", year).update();
    }

    private NumberRecord map(ResultSet rs, int i) throws SQLException {
        NumberRecord.Submission sub = rs.getDate("submitted_on") == null ? null : new NumberRecord.Submission(
                rs.getDate("submitted_on").toLocalDate(), rs.getString("channel"), rs.getString("note"), rs.getString("s_by"),
                rs.getTimestamp("s_at").toInstant());
        String number = rs.getString("number");
        String source = rs.getString("source");
        CertificateNumbers.State state = number != null
                ? ("ALLOCATED".equals(source) ? CertificateNumbers.State.ALLOCATED : CertificateNumbers.State.CONFIRMED)
                : sub != null ? CertificateNumbers.State.SUBMITTED : CertificateNumbers.State.REQUESTED;
        Map<String, String> fields = json.readValue(rs.getString("fields"), new TypeReference<LinkedHashMap<String, String>>() { });
        Timestamp nAt = rs.getTimestamp("n_at");
        return new NumberRecord(rs.getLong("application_id"), rs.getString("authority"), rs.getString("scheme_code"),
                rs.getString("case_reference"), rs.getString("provisional_reference"), rs.getString("product_code"),
                rs.getDate("issue_on").toLocalDate(), fields, rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), sub, number, rs.getString("n_by"), nAt == null ? null : nAt.toInstant(),
                state);
    }
}
