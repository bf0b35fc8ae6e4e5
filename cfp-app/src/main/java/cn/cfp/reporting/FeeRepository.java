package cn.cfp.reporting;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fee schedule's versions and lines (insert only). */
@Repository
class FeeRepository {

    private final JdbcClient jdbc;

    FeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int latestVersion() {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM fee_schedule").query(Integer.class).single();
    }

    /** Fails with a duplicate key when the version exists (somebody saved first). */
    void insert(int version, FeeScheduleDraft d, boolean demo, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO fee_schedule (version, effective_on, note_zh, note_en, demo, saved_by, saved_at)
                VALUES (:v, :e, :nz, :ne, :demo, :by, :at)""")
                .param("v", version).param("e", d.effectiveOn()).param("nz", d.noteZh()).param("ne", d.noteEn())
                .param("demo", demo).param("by", by).param("at", Timestamp.from(at)).update();
        int position = 1;
        for (FeeItem i : d.items()) {
            jdbc.sql("""
                    INSERT INTO fee_schedule_item (version, position, name_zh, name_en, basis, amount_cny, note_zh, note_en)
                    VALUES (:v, :p, :nz, :ne, :b, :a, :tz, :te)""")
                    .param("v", version).param("p", position++).param("nz", i.nameZh()).param("ne", i.nameEn())
                    .param("b", i.basis().name()).param("a", i.amountCny()).param("tz", i.noteZh()).param("te", i.noteEn())
                    .update();
        }
    }

    Optional<FeeSchedule> find(int version) {
        List<FeeItem> items = jdbc.sql("SELECT * FROM fee_schedule_item WHERE version = :v ORDER BY position").param("v", version)
                .query((rs, n) -> new FeeItem(rs.getString("name_zh"), rs.getString("name_en"), FeeBasis.valueOf(rs.getString("basis")),
                        rs.getBigDecimal("amount_cny"), rs.getString("note_zh"), rs.getString("note_en")))
                .list();
        return jdbc.sql("SELECT * FROM fee_schedule WHERE version = :v").param("v", version)
                .query((rs, n) -> new FeeSchedule(rs.getInt("version"), rs.getObject("effective_on", LocalDate.class),
                        rs.getString("note_zh"), rs.getString("note_en"), rs.getBoolean("demo"), rs.getString("saved_by"),
                        rs.getTimestamp("saved_at").toInstant(), items))
                .optional();
    }

    /** The version in force on a day: the latest saved one whose effective date has come. */
    Optional<Integer> inForce(LocalDate day) {
        return jdbc.sql("SELECT MAX(version) FROM fee_schedule WHERE effective_on <= :d").param("d", day)
                .query(Integer.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Every version, newest first, without their lines. */
    List<FeeSchedule> history() {
        return jdbc.sql("SELECT * FROM fee_schedule ORDER BY version DESC")
                .query((rs, n) -> new FeeSchedule(rs.getInt("version"), rs.getObject("effective_on", LocalDate.class),
                        rs.getString("note_zh"), rs.getString("note_en"), rs.getBoolean("demo"), rs.getString("saved_by"),
                        rs.getTimestamp("saved_at").toInstant(), List.of()))
                .list();
    }

    static BigDecimal money(BigDecimal b) {
        return b.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
