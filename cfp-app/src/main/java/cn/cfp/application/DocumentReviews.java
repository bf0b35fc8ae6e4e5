package cn.cfp.application;

import cn.cfp.access.CfpPrincipal;
import cn.cfp.access.Role;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document review (R-DOC-1; 000 §7.4; 003 ¶45–49): conforms / basically conforms (items verified on
 * site) / does not conform (supplement and review again). After {@link #MAX_FAILED_ROUNDS} failed
 * rounds the body must terminate: a further review is refused until it does.
 */
@Service
public class DocumentReviews {

    /** The seeds say "persistent failure" without a number; the body's procedure fixes three rounds. */
    public static final int MAX_FAILED_ROUNDS = 3;

    public record Review(int round, DocumentReviewConclusion conclusion, String findings, String reviewer, LocalDate on) {
    }

    private final Applications applications;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    DocumentReviews(Applications applications, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Review> of(long applicationId) {
        return jdbc.sql("SELECT * FROM document_review WHERE application_id = :a ORDER BY round").param("a", applicationId)
                .query((rs, n) -> new Review(rs.getInt("round"), DocumentReviewConclusion.valueOf(rs.getString("conclusion")),
                        rs.getString("findings"), rs.getString("reviewer"), rs.getObject("reviewed_on", LocalDate.class))).list();
    }

    /** Whether the review has passed (conforms or basically conforms). */
    public boolean passed(long applicationId) {
        return of(applicationId).stream().anyMatch(r -> r.conclusion() != DocumentReviewConclusion.DOES_NOT_CONFORM);
    }

    /** True when the failed rounds have reached the limit and the application must be terminated. */
    public boolean terminationDue(long applicationId) {
        List<Review> reviews = of(applicationId);
        return !passed(applicationId) && reviews.size() >= MAX_FAILED_ROUNDS;
    }

    @Transactional
    public Review conclude(CfpPrincipal staff, long applicationId, DocumentReviewConclusion conclusion, String findings) {
        if (!staff.has(Role.PROJECT_MANAGER) && !staff.has(Role.INSPECTOR) && !staff.has(Role.VERIFIER)) {
            throw Refusal.forbidden("Document review is done by the project manager or the team / 文件评审由项目经理或检查组完成");
        }
        ApplicationView app = applications.get(applicationId);
        Applications.requireStatus(app, ApplicationStatus.ACCEPTED);
        if (conclusion == null) {
            throw new Refusal("Choose a conclusion / 请选择评审结论");
        }
        if (passed(applicationId)) {
            throw new Refusal(409, "The documents of " + app.reference() + " have already passed review / 文件评审已通过");
        }
        if (terminationDue(applicationId)) {
            throw new Refusal(409, "The documents failed " + MAX_FAILED_ROUNDS + " reviews: terminate the application with a notice / 文件评审多次不符合，应终止认证");
        }
        if (conclusion != DocumentReviewConclusion.CONFORMS && (findings == null || findings.isBlank())) {
            throw new Refusal("List the findings: what is to be verified on site or supplemented / 请写明需现场核实或补充的内容");
        }
        int round = of(applicationId).size() + 1;
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                INSERT INTO document_review (application_id, round, conclusion, findings, reviewer, reviewed_on)
                VALUES (:a, :r, :c, :f, :by, :d)""").param("a", applicationId).param("r", round).param("c", conclusion.name())
                .param("f", findings).param("by", staff.username()).param("d", today).update();
        applications.event(applicationId, staff.username(), "DOCUMENT_REVIEW_" + conclusion.name(), findings, null);
        audit.record(staff.username(), "DOCUMENT_REVIEW", Applications.target(app.reference()),
                Map.of("round", round, "conclusion", conclusion.name(), "findings", String.valueOf(findings)));
        return new Review(round, conclusion, findings, staff.username(), today);
    }
}
