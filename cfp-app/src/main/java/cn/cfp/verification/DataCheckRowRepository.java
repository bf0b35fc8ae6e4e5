package cn.cfp.verification;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The verifier's saved rows of Tables 1/2/3 (package-private: the module's public classes run no SQL). */
@Repository
class DataCheckRowRepository {

    /** One saved row as stored. */
    record Stored(String table, String stage, String key, String cellsJson, String conclusion, boolean supplier,
                  boolean verified, boolean foreign, String foreignNote, String savedBy, int version) {
    }

    private final JdbcClient jdbc;

    DataCheckRowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long applicationId, String table, String stage, String key, String cells, String conclusion, boolean supplier,
                boolean verified, boolean foreign, String note, String by, java.time.Instant at) {
        jdbc.sql("""
                INSERT INTO verification_table_row (application_id, table_kind, stage, row_key, cells, conclusion,
                    supplier_data, third_party_verified, foreign_data, foreign_data_note, saved_by, saved_at, version)
                VALUES (:a, :t, :s, :k, :c, :con, :sup, :tpv, :f, :fn, :by, :at, 0)""")
                .param("a", applicationId).param("t", table).param("s", stage).param("k", key)
                .param("c", cells).param("con", conclusion).param("sup", supplier)
                .param("tpv", verified).param("f", foreign).param("fn", note).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    /** Updates the row if it still has {@code version}; false when someone saved it meanwhile. */
    boolean update(long applicationId, String table, String stage, String key, String cells, String conclusion, boolean supplier,
                   boolean verified, boolean foreign, String note, String by, java.time.Instant at, int version) {
        return jdbc.sql("""
                UPDATE verification_table_row SET cells = :c, conclusion = :con, supplier_data = :sup,
                    third_party_verified = :tpv, foreign_data = :f, foreign_data_note = :fn, saved_by = :by, saved_at = :at,
                    version = version + 1
                WHERE application_id = :a AND table_kind = :t AND stage = :s AND row_key = :k AND version = :v""")
                .param("a", applicationId).param("t", table).param("s", stage).param("k", key)
                .param("c", cells).param("con", conclusion).param("sup", supplier)
                .param("tpv", verified).param("f", foreign).param("fn", note).param("by", by)
                .param("at", Timestamp.from(at)).param("v", version).update() == 1;
    }

    List<Stored> saved(long applicationId) {
        return jdbc.sql("SELECT * FROM verification_table_row WHERE application_id = :a ORDER BY id").param("a", applicationId)
                .query((rs, n) -> new Stored(rs.getString("table_kind"), rs.getString("stage"), rs.getString("row_key"),
                        rs.getString("cells"), rs.getString("conclusion"), rs.getBoolean("supplier_data"),
                        rs.getBoolean("third_party_verified"), rs.getBoolean("foreign_data"), rs.getString("foreign_data_note"),
                        rs.getString("saved_by"), rs.getInt("version"))).list();
    }
}
