package cn.cfp.numbering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The product-code table (reference data; a code is never deleted). */
@Repository
class ProductCodeRepository {

    private final JdbcClient jdbc;

    ProductCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProductCode> all() {
        return jdbc.sql("SELECT code, name_zh, name_en FROM product_code ORDER BY code")
                .query((rs, i) -> new ProductCode(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"))).list();
    }

    Optional<ProductCode> find(String code) {
        return jdbc.sql("SELECT code, name_zh, name_en FROM product_code WHERE code = :c").param("c", code)
                .query((rs, i) -> new ProductCode(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"))).optional();
    }

    /** Adds the code or renames it; true when it was new. */
    boolean save(String code, String zh, String en, String by, Instant at) {
        Timestamp now = Timestamp.from(at);
        int n = jdbc.sql("UPDATE product_code SET name_zh = :zh, name_en = :en, imported_by = :by, imported_at = :at WHERE code = :c")
                .param("zh", zh).param("en", en).param("by", by).param("at", now).param("c", code).update();
        if (n > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO product_code (code, name_zh, name_en, imported_by, imported_at) VALUES (:c, :zh, :en, :by, :at)")
                .param("c", code).param("zh", zh).param("en", en).param("by", by).param("at", now).update();
        return true;
    }
}
