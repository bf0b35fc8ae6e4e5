package cn.cfp.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The module's table: one submitted report per case (the primary key refuses a second). */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long applicationId, ReportSubmission s, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO case_report (application_id, conclusion, verified_information, limitations, fluctuations,
                    uncovered, prepared_by, submitted_at)
                VALUES (:a, :c, :v, :l, :f, :u, :by, :at)""")
                .param("a", applicationId).param("c", s.conclusion().name()).param("v", s.verifiedInformation())
                .param("l", s.limitations()).param("f", s.fluctuations()).param("u", s.uncovered())
                .param("by", by).param("at", Timestamp.from(at)).update();
    }

    Optional<ReportView> find(long applicationId) {
        return jdbc.sql("SELECT * FROM case_report WHERE application_id = :a").param("a", applicationId)
                .query((rs, i) -> new ReportView(rs.getLong("application_id"), ReportConclusion.valueOf(rs.getString("conclusion")),
                        rs.getString("verified_information"), rs.getString("limitations"), rs.getString("fluctuations"),
                        rs.getString("uncovered"), rs.getString("prepared_by"), rs.getTimestamp("submitted_at").toInstant()))
                .optional();
    }
}
