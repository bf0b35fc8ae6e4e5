package cn.cfp.registry;

import cn.cfp.certificate.CertificateEvents;
import cn.cfp.certificate.CertificateStatus;
import cn.cfp.certificate.PublicCertificate;
import cn.cfp.shared.Paging;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The registry's read model (V65): the latest public version per number, every version, the status history. */
@Repository
class RegistryRepository {

    /** The current status as stored (the latest row in effect on :today); EXPIRED is added in Java and in {@link #where}. */
    private static final String CURRENT = """
            (SELECT s.status FROM registry_status s WHERE s.number = c.number AND s.effective_on <= :today
             ORDER BY s.id DESC FETCH FIRST 1 ROWS ONLY)""";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    RegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number as the registry keys it: no hyphens, spaces or dots, upper case. */
    static String key(String number) {
        return number == null ? "" : number.replaceAll("[\\s\\-‐‑–—.·]", "").toUpperCase(Locale.ROOT);
    }

    /**
     * Records a published version: the version row once, the latest-version row when this version is newer, and the
     * first VALID status when the number is new. A second delivery of the same event changes nothing.
     */
    void publish(PublicCertificate c, Instant at) {
        String record = json.writeValueAsString(c);
        jdbc.sql("""
                INSERT INTO registry_version (number, version, issued_on, changed_on, record_json, published_at)
                SELECT :n, :v, :issued, :changed, :json, :at WHERE NOT EXISTS
                    (SELECT 1 FROM registry_version WHERE number = :n AND version = :v)""")
                .param("n", c.number()).param("v", c.version()).param("issued", Date.valueOf(c.issuedOn()))
                .param("changed", c.changedOn() == null ? null : Date.valueOf(c.changedOn()))
                .param("json", record).param("at", Timestamp.from(at)).update();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", c.number());
        p.put("k", key(c.number()));
        p.put("s", c.schemeCode());
        p.put("v", c.version());
        // search columns within their sizes (a certificate with many annexed products still publishes; the record
        // itself, in record_json, is whole)
        p.put("h", cut(c.holderName(), 400));
        p.put("co", cut(lower(String.join(" | ", nonNull(c.holderName(), c.manufacturerName(), c.factoryName()))), 1400));
        p.put("pr", cut(lower(c.products().stream().map(x -> String.join(" ", nonNull(x.name(), x.model())))
                .collect(Collectors.joining(" | "))), 4000));
        p.put("issued", Date.valueOf(c.issuedOn()));
        p.put("until", Date.valueOf(c.validUntil()));
        p.put("json", record);
        int changed = jdbc.sql("""
                UPDATE registry_certificate SET version = :v, scheme_code = :s, holder_name = :h, companies = :co,
                    products = :pr, issued_on = :issued, valid_until = :until, record_json = :json
                WHERE number = :n AND version < :v""").params(p).update();
        if (changed == 0) {
            boolean isNew = jdbc.sql("""
                    INSERT INTO registry_certificate (number, number_key, scheme_code, version, holder_name, companies, products,
                        issued_on, valid_until, record_json)
                    SELECT :n, :k, :s, :v, :h, :co, :pr, :issued, :until, :json WHERE NOT EXISTS
                        (SELECT 1 FROM registry_certificate WHERE number = :n)""").params(p).update() == 1;
            if (isNew) {
                LocalDate from = c.issuedOn();
                jdbc.sql("""
                        INSERT INTO registry_status (number, status, decided_on, effective_on, recorded_at)
                        VALUES (:n, 'VALID', :d, :d, :at)""")
                        .param("n", c.number()).param("d", Date.valueOf(from)).param("at", Timestamp.from(at)).update();
            }
        }
    }

    /** Records a status decision once (a second delivery of the same event is ignored). */
    boolean status(CertificateEvents.StatusChanged e) {
        LocalDate effective = e.effectiveOn() != null ? e.effectiveOn() : e.decidedOn();
        LocalDate decided = e.decidedOn() != null ? e.decidedOn() : effective;
        return jdbc.sql("""
                INSERT INTO registry_status (number, status, decided_on, effective_on, until_on, cause_code, cause, recorded_at)
                SELECT :n, :s, :d, :e, :u, :cc, :c, :at WHERE NOT EXISTS
                    (SELECT 1 FROM registry_status WHERE number = :n AND status = :s AND effective_on = :e AND recorded_at = :at)""")
                .param("n", e.number()).param("s", e.status().name()).param("d", Date.valueOf(decided))
                .param("e", Date.valueOf(effective)).param("u", e.until() == null ? null : Date.valueOf(e.until()))
                .param("cc", e.causeCode()).param("c", e.cause()).param("at", Timestamp.from(e.at())).update() == 1;
    }

    /** The entry of this exact number on {@code today}. */
    Optional<RegistryEntry> find(String number, LocalDate today) {
        return jdbc.sql("SELECT record_json FROM registry_certificate WHERE number = :n").param("n", number)
                .query(String.class).optional()
                .map(j -> RegistryEntry.derive(json.readValue(j, PublicCertificate.class), history(number), versions(number), today));
    }

    /** The number as issued, found from any spelling of it (with or without hyphens, any case). */
    Optional<String> canonical(String anySpelling) {
        return jdbc.sql("SELECT number FROM registry_certificate WHERE number_key = :k").param("k", key(anySpelling))
                .query(String.class).optional();
    }

    private List<StatusEntry> history(String number) {
        return jdbc.sql("SELECT * FROM registry_status WHERE number = :n ORDER BY id").param("n", number)
                .query((rs, i) -> new StatusEntry(CertificateStatus.valueOf(rs.getString("status")),
                        rs.getObject("decided_on", LocalDate.class), rs.getObject("effective_on", LocalDate.class),
                        rs.getObject("until_on", LocalDate.class), rs.getString("cause_code"), rs.getString("cause"), false))
                .list();
    }

    private List<VersionEntry> versions(String number) {
        return jdbc.sql("SELECT version, issued_on, changed_on FROM registry_version WHERE number = :n ORDER BY version")
                .param("n", number)
                .query((rs, i) -> new VersionEntry(rs.getInt("version"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("changed_on", LocalDate.class)))
                .list();
    }

    /** The numbers matching the search on {@code today}, newest issue first, and their total. */
    Paging.Page<String> search(RegistrySearch q, LocalDate today, Paging paging) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(q, today, p);
        String from = "FROM (SELECT c.number, c.number_key, c.scheme_code, c.companies, c.products, c.issued_on, c.valid_until, "
                + CURRENT + " AS current_status FROM registry_certificate c) x" + where;
        long total = jdbc.sql("SELECT COUNT(*) " + from).params(p).query(Long.class).single();
        p.put("lim", paging.size());
        p.put("off", paging.offset());
        List<String> numbers = jdbc.sql("SELECT x.number " + from
                        + " ORDER BY x.issued_on DESC, x.number LIMIT :lim OFFSET :off").params(p).query(String.class).list();
        return new Paging.Page<>(numbers, total);
    }

    private static String where(RegistrySearch q, LocalDate today, Map<String, Object> p) {
        List<String> w = new ArrayList<>();
        p.put("today", Date.valueOf(today));
        if (present(q.number())) {
            w.add("x.number_key LIKE :num ESCAPE '\\'");
            p.put("num", "%" + like(key(q.number())) + "%");
        }
        if (present(q.company())) {
            w.add("x.companies LIKE :co ESCAPE '\\'");
            p.put("co", "%" + like(lower(q.company().strip())) + "%");
        }
        if (present(q.product())) {
            w.add("x.products LIKE :pr ESCAPE '\\'");
            p.put("pr", "%" + like(lower(q.product().strip())) + "%");
        }
        if (present(q.scheme())) {
            w.add("x.scheme_code = :scheme");
            p.put("scheme", q.scheme().strip());
        }
        if (q.status() != null) {
            // the same derivation as RegistryEntry.derive: VALID or SUSPENDED past the validity date is EXPIRED
            w.add("(CASE WHEN x.current_status IN ('VALID', 'SUSPENDED') AND x.valid_until < :today THEN 'EXPIRED' "
                    + "ELSE x.current_status END) = :status");
            p.put("status", q.status().name());
        }
        return w.isEmpty() ? "" : " WHERE " + String.join(" AND ", w);
    }

    /** Every number, in issue order, a batch at a time (for the open-data export). */
    List<String> numbers(int offset, int limit) {
        return jdbc.sql("SELECT number FROM registry_certificate ORDER BY issued_on, number LIMIT :lim OFFSET :off")
                .param("lim", limit).param("off", offset).query(String.class).list();
    }

    /** The scheme codes of published certificates (the search form's choice). */
    List<String> schemes() {
        return jdbc.sql("SELECT DISTINCT scheme_code FROM registry_certificate ORDER BY scheme_code").query(String.class).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM registry_certificate").query(Long.class).single();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static List<String> nonNull(String... values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                out.add(v);
            }
        }
        return out;
    }
}
