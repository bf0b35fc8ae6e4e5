package cn.cfp.review;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The module's tables (V62): append-only rows; what a review is now follows from them. */
@Repository
class ReviewRepository {

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reviewer once (a second take by the same person changes nothing). */
    void take(long applicationId, long userId, String username, Instant at) {
        int n = jdbc.sql("SELECT COUNT(*) FROM review_reviewer WHERE application_id = :a AND user_id = :u")
                .param("a", applicationId).param("u", userId).query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("INSERT INTO review_reviewer (application_id, user_id, username, taken_at) VALUES (:a, :u, :n, :t)")
                    .param("a", applicationId).param("u", userId).param("n", username).param("t", Timestamp.from(at)).update();
        }
    }

    List<ReviewView.Reviewer> reviewers(long applicationId) {
        return jdbc.sql("SELECT * FROM review_reviewer WHERE application_id = :a ORDER BY taken_at, user_id")
                .param("a", applicationId)
                .query((rs, i) -> new ReviewView.Reviewer(rs.getLong("user_id"), rs.getString("username"), instant(rs, "taken_at")))
                .list();
    }

    void answer(long applicationId, String key, ReviewAnswer answer, String note, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO review_answer (application_id, item_key, answer, note, answered_by, answered_at)
                VALUES (:a, :k, :v, :n, :b, :t)""")
                .param("a", applicationId).param("k", key).param("v", answer.name()).param("n", note).param("b", by)
                .param("t", Timestamp.from(at)).update();
    }

    /** The latest answer per item key. */
    Map<String, Answer> answers(long applicationId) {
        Map<String, Answer> latest = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM review_answer WHERE application_id = :a ORDER BY id").param("a", applicationId)
                .query((rs, i) -> new Answer(rs.getString("item_key"), ReviewAnswer.valueOf(rs.getString("answer")),
                        rs.getString("note"), rs.getString("answered_by"), instant(rs, "answered_at")))
                .list().forEach(a -> latest.put(a.key(), a));
        return latest;
    }

    record Answer(String key, ReviewAnswer answer, String note, String by, Instant at) {
    }

    long raise(long applicationId, String text, String by, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review_question (application_id, text, raised_by, raised_at) VALUES (:a, :x, :b, :t)")
                .param("a", applicationId).param("x", text).param("b", by).param("t", Timestamp.from(at)).update(key, "id");
        return key.getKey().longValue();
    }

    void round(long questionId, ReviewView.Round.Kind kind, String text, String by, Instant at) {
        jdbc.sql("INSERT INTO review_question_round (question_id, kind, text, by_user, at) VALUES (:q, :k, :x, :b, :t)")
                .param("q", questionId).param("k", kind.name()).param("x", text).param("b", by).param("t", Timestamp.from(at))
                .update();
    }

    List<ReviewView.QuestionView> questions(long applicationId) {
        Map<Long, List<ReviewView.Round>> rounds = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT r.* FROM review_question_round r JOIN review_question q ON q.id = r.question_id
                WHERE q.application_id = :a ORDER BY r.id""").param("a", applicationId)
                .query((ResultSet rs) -> {
                    rounds.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                            .add(new ReviewView.Round(ReviewView.Round.Kind.valueOf(rs.getString("kind")), rs.getString("text"),
                                    rs.getString("by_user"), instant(rs, "at")));
                });
        return jdbc.sql("SELECT * FROM review_question WHERE application_id = :a ORDER BY id").param("a", applicationId)
                .query((rs, i) -> new ReviewView.QuestionView(rs.getLong("id"), rs.getString("text"), rs.getString("raised_by"),
                        instant(rs, "raised_at"), rounds.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    void complete(long applicationId, String summary, String by, Instant at) {
        jdbc.sql("INSERT INTO review_completion (application_id, summary, completed_by, completed_at) VALUES (:a, :s, :b, :t)")
                .param("a", applicationId).param("s", summary).param("b", by).param("t", Timestamp.from(at)).update();
    }

    Optional<ReviewView.Completion> completion(long applicationId) {
        return jdbc.sql("SELECT * FROM review_completion WHERE application_id = :a").param("a", applicationId)
                .query((rs, i) -> new ReviewView.Completion(rs.getString("summary"), rs.getString("completed_by"),
                        instant(rs, "completed_at"))).optional();
    }

    void approve(long applicationId, String note, String by, Instant at) {
        jdbc.sql("INSERT INTO review_approval (application_id, note, approved_by, approved_at) VALUES (:a, :n, :b, :t)")
                .param("a", applicationId).param("n", note).param("b", by).param("t", Timestamp.from(at)).update();
    }

    Optional<ReviewView.Approval> approval(long applicationId) {
        return jdbc.sql("SELECT * FROM review_approval WHERE application_id = :a").param("a", applicationId)
                .query((rs, i) -> new ReviewView.Approval(rs.getString("note"), rs.getString("approved_by"),
                        instant(rs, "approved_at"))).optional();
    }

    void decide(long applicationId, String outcome, String result, String reasons, long deciderId, String by, LocalDate on,
                Instant at) {
        jdbc.sql("""
                INSERT INTO review_decision (application_id, outcome, result, reasons, decider_user_id, decided_by, decided_on,
                    decided_at) VALUES (:a, :o, :r, :x, :d, :b, :on, :t)""")
                .param("a", applicationId).param("o", outcome).param("r", result).param("x", reasons).param("d", deciderId)
                .param("b", by).param("on", Date.valueOf(on)).param("t", Timestamp.from(at)).update();
    }

    Optional<ReviewView.Decision> decision(long applicationId) {
        return jdbc.sql("SELECT * FROM review_decision WHERE application_id = :a").param("a", applicationId)
                .query((rs, i) -> new ReviewView.Decision(rs.getString("outcome"), rs.getString("result"), rs.getString("reasons"),
                        rs.getLong("decider_user_id"), rs.getString("decided_by"), rs.getDate("decided_on").toLocalDate(),
                        instant(rs, "decided_at"))).optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
