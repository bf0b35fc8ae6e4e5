package cn.cfp.notification;

import cn.cfp.shared.Localized;
import cn.cfp.shared.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications as stored: one row per person told, with the e-mail copy's outbox state. Every read names the
 * recipient, so a person only ever reads their own.
 */
@Repository
class NotificationRepository {

    static final JsonMapper JSON = JsonMapper.builder().build();

    enum MailState { NONE, PENDING, SENDING, SENT, FAILED }

    /** A stored notification with what its e-mail needs. */
    record Stored(long id, long recipientId, NotificationKind kind, List<Object> args, String link, Instant createdAt,
                  Instant readAt, MailState mailState, String mailTo, Locale mailLocale, int mailAttempts, String mailError) {
    }

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(long recipientId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND dedup_key = :k")
                .param("r", recipientId).param("k", key).query(Long.class).single() > 0;
    }

    /** Inserts a notification; returns its id. */
    long insert(long recipientId, Notice notice, Instant at, MailState mail, String mailTo, String mailLanguage) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO notification (recipient_id, kind, args, link, dedup_key, created_at, mail_state, mail_to, mail_language,
                                          mail_attempts, mail_next_at)
                VALUES (:r, :kind, :args, :link, :key, :at, :ms, :mt, :ml, 0, :next)""")
                .param("r", recipientId).param("kind", notice.kind().name()).param("args", argsJson(notice.args()))
                .param("link", notice.link()).param("key", notice.key()).param("at", utc(at)).param("ms", mail.name())
                .param("mt", mailTo).param("ml", mailLanguage).param("next", mail == MailState.PENDING ? utc(at) : null)
                .update(key, "id");
        return key.getKeyAs(Long.class);
    }

    /** The unread count of the header: one index range scan on (recipient_id, read_at). */
    long unread(long recipientId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r AND read_at IS NULL")
                .param("r", recipientId).query(Long.class).single();
    }

    Paging.Page<Stored> page(long recipientId, Paging paging) {
        long total = jdbc.sql("SELECT COUNT(*) FROM notification WHERE recipient_id = :r").param("r", recipientId)
                .query(Long.class).single();
        List<Stored> items = jdbc.sql("""
                SELECT * FROM notification WHERE recipient_id = :r ORDER BY created_at DESC, id DESC
                OFFSET :off ROWS FETCH NEXT :lim ROWS ONLY""")
                .param("r", recipientId).param("off", paging.offset()).param("lim", paging.size())
                .query(NotificationRepository::row).list();
        return new Paging.Page<>(items, total);
    }

    /** This person's notification with this id (another person's is not there for them). */
    Optional<Stored> find(long recipientId, long id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id AND recipient_id = :r").param("id", id).param("r", recipientId)
                .query(NotificationRepository::row).optional();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = :id").param("id", id).query(NotificationRepository::row).optional();
    }

    /** Marks it read (if it is this person's and unread); true when it changed. */
    boolean markRead(long recipientId, long id, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :t WHERE id = :id AND recipient_id = :r AND read_at IS NULL")
                .param("t", utc(at)).param("id", id).param("r", recipientId).update() > 0;
    }

    int markAllRead(long recipientId, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = :t WHERE recipient_id = :r AND read_at IS NULL")
                .param("t", utc(at)).param("r", recipientId).update();
    }

    // ------------------------------------------------------------------ the e-mail outbox

    /** Ids of e-mails due now: waiting, or claimed by a sender whose lease ran out (it stopped mid-send). */
    List<Long> mailDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM notification WHERE mail_state IN ('PENDING', 'SENDING') AND mail_next_at <= :now
                ORDER BY mail_next_at, id FETCH FIRST :lim ROWS ONLY""")
                .param("now", utc(now)).param("lim", limit).query(Long.class).list();
    }

    /**
     * Claims a due e-mail for sending until {@code leaseUntil}; of two senders (two nodes, the retry job and the
     * immediate send) exactly one wins.
     */
    boolean claim(long id, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                UPDATE notification SET mail_state = 'SENDING', mail_next_at = :lease
                WHERE id = :id AND mail_state IN ('PENDING', 'SENDING') AND mail_next_at <= :now""")
                .param("lease", utc(leaseUntil)).param("id", id).param("now", utc(now)).update() > 0;
    }

    void mailSent(long id) {
        jdbc.sql("UPDATE notification SET mail_state = 'SENT', mail_attempts = mail_attempts + 1, mail_next_at = NULL, mail_error = NULL WHERE id = :id")
                .param("id", id).update();
    }

    /** A failed attempt: tried again at {@code next}, or given up ({@code next} null). */
    void mailFailed(long id, Instant next, String error) {
        jdbc.sql("""
                UPDATE notification SET mail_state = :s, mail_attempts = mail_attempts + 1, mail_next_at = :next, mail_error = :e
                WHERE id = :id""")
                .param("s", next == null ? MailState.FAILED.name() : MailState.PENDING.name()).param("next", next == null ? null : utc(next))
                .param("e", error == null ? null : error.substring(0, Math.min(500, error.length()))).param("id", id).update();
    }

    // ------------------------------------------------------------------ mapping

    /** Arguments as JSON: a text as a string, a {@link Localized} value as {"zh": …, "en": …}. */
    static String argsJson(List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Localized l) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("zh", l.label(Locale.SIMPLIFIED_CHINESE));
                m.put("en", l.label(Locale.ENGLISH));
                out.add(m);
            } else {
                out.add(String.valueOf(a));
            }
        }
        return JSON.writeValueAsString(out);
    }

    /** Arguments read back: texts, and {@link Localized} values for the bilingual ones. */
    static List<Object> args(String json) {
        List<Object> raw = JSON.readValue(json, new TypeReference<List<Object>>() { });
        List<Object> out = new ArrayList<>();
        for (Object a : raw) {
            if (a instanceof Map<?, ?> m) {
                String zh = String.valueOf(m.get("zh"));
                String en = String.valueOf(m.get("en"));
                out.add((Localized) locale -> "en".equals(locale.getLanguage()) ? en : zh);
            } else {
                out.add(String.valueOf(a));
            }
        }
        return out;
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        String lang = rs.getString("mail_language");
        return new Stored(rs.getLong("id"), rs.getLong("recipient_id"), NotificationKind.valueOf(rs.getString("kind")),
                args(rs.getString("args")), rs.getString("link"), instant(rs, "created_at"), instant(rs, "read_at"),
                MailState.valueOf(rs.getString("mail_state")), rs.getString("mail_to"),
                "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, rs.getInt("mail_attempts"), rs.getString("mail_error"));
    }
}
