package cn.cfp.cases;

import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads and saves {@link CertificationCase}s (tables {@code certification_case}, {@code case_entry}). Saving is
 * optimistic: the row version must still be the one loaded, and entries are appended under a unique (case, seq) key,
 * so of two people acting at once one wins and the other is refused with words — never silently overwritten
 * (ddd-by-examples/library's {@code BookDatabaseRepository}). Reads batch their SQL: a list of cases costs two queries.
 */
@Repository
class CaseRepository {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final SchemeCatalog schemes;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    CaseRepository(JdbcClient jdbc, SchemeCatalog schemes, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.schemes = schemes;
        this.events = events;
    }

    Optional<CertificationCase> findByApplication(long applicationId) {
        return load("c.application_id = :id", Map.of("id", applicationId)).stream().findFirst();
    }

    List<CertificationCase> findByApplications(Collection<Long> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        return load("c.application_id IN (:ids)", Map.of("ids", applicationIds));
    }

    /** Cases without a conclusion or termination entry. */
    List<CertificationCase> findOpen() {
        return load("NOT EXISTS (SELECT 1 FROM case_entry e WHERE e.case_id = c.id AND e.kind IN ('CONCLUDED', 'TERMINATED'))", Map.of());
    }

    /**
     * Inserts a new case or appends the case's new entries, checking the version; then hands the case's events to the
     * publisher (listeners that need the commit run after it).
     */
    CertificationCase save(CertificationCase c) {
        long id;
        List<Object> published = new ArrayList<>();
        if (c.id() == null) {
            KeyHolder key = new GeneratedKeyHolder();
            try {
                jdbc.sql("""
                        INSERT INTO certification_case (application_id, reference, scheme_code, applicant_org_id, manufacturer_org_id,
                                                        factory_org_id, accepted_on, row_version)
                        VALUES (:a, :r, :s, :ap, :m, :f, :acc, 0)""")
                        .param("a", c.applicationId()).param("r", c.reference()).param("s", c.schemeCode())
                        .param("ap", c.parties().applicantOrgId()).param("m", c.parties().manufacturerOrgId())
                        .param("f", c.parties().factoryOrgId()).param("acc", c.acceptedOn()).update(key, "id");
            } catch (DuplicateKeyException e) {
                throw Refusal.conflict("cases.alreadyOpen", c.reference());
            }
            id = key.getKeyAs(Long.class);
            published.add(c.openedEvent(id));
        } else {
            id = c.id();
            int n = jdbc.sql("UPDATE certification_case SET row_version = row_version + 1 WHERE id = :id AND row_version = :v")
                    .param("id", id).param("v", c.version()).update();
            if (n == 0) {
                throw Refusal.conflict("shared.staleWrite", c.reference());
            }
        }
        try {
            for (CaseEntry e : c.newEntries()) {
                jdbc.sql("""
                        INSERT INTO case_entry (case_id, seq, kind, stage, effective_on, recorded_at, actor, note, data)
                        VALUES (:c, :s, :k, :st, :on, :at, :actor, :note, :data)""")
                        .param("c", id).param("s", e.seq()).param("k", e.kind().name())
                        .param("st", e.stage() == null ? null : e.stage().name()).param("on", e.on())
                        .param("at", OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC)).param("actor", e.actor())
                        .param("note", e.note()).param("data", json.writeValueAsString(e.data())).update();
            }
        } catch (DuplicateKeyException e) {
            throw Refusal.conflict("shared.staleWrite", c.reference());
        }
        for (Object event : c.drainEvents()) {
            published.add(withId(event, id));
        }
        published.forEach(events::publishEvent);
        return findByApplication(c.applicationId()).orElseThrow();
    }

    /** Events registered before the case had an id carry 0; give them the id the insert produced. */
    private static Object withId(Object event, long id) {
        if (event instanceof CaseEvents.StageCompleted e && e.caseId() == 0) {
            return new CaseEvents.StageCompleted(id, e.applicationId(), e.stage(), e.nowOpen(), e.on());
        }
        if (event instanceof CaseEvents.ManagerAssigned e && e.caseId() == 0) {
            return new CaseEvents.ManagerAssigned(id, e.applicationId(), e.userId());
        }
        return event;
    }

    /** Most entries carry no data: skip the JSON parser for them. */
    private Map<String, String> data(String json) {
        return json == null || json.equals("{}") ? Map.of() : this.json.readValue(json, MAP);
    }

    private record Row(long id, long applicationId, String reference, String schemeCode, Parties parties, LocalDate acceptedOn,
                       int version) {
    }

    private List<CertificationCase> load(String where, Map<String, ?> params) {
        List<Row> rows = jdbc.sql("SELECT c.* FROM certification_case c WHERE " + where + " ORDER BY c.id").params(params)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("application_id"), rs.getString("reference"),
                        rs.getString("scheme_code"), new Parties(rs.getLong("applicant_org_id"), rs.getLong("manufacturer_org_id"),
                        rs.getLong("factory_org_id")), rs.getObject("accepted_on", LocalDate.class), rs.getInt("row_version")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CaseEntry>> entries = new LinkedHashMap<>();
        rows.forEach(r -> entries.put(r.id(), new ArrayList<>()));
        jdbc.sql("SELECT e.* FROM case_entry e JOIN certification_case c ON c.id = e.case_id WHERE " + where
                        + " ORDER BY e.case_id, e.seq").params(params)
                .query((rs, n) -> {
                    String stage = rs.getString("stage");
                    OffsetDateTime at = rs.getObject("recorded_at", OffsetDateTime.class);
                    List<CaseEntry> of = entries.get(rs.getLong("case_id"));
                    if (of == null) {
                        return null; // a case created between the two queries
                    }
                    of.add(new CaseEntry(rs.getInt("seq"), CaseEntry.Kind.valueOf(rs.getString("kind")),
                            stage == null ? null : Stage.valueOf(stage), rs.getObject("effective_on", LocalDate.class),
                            at.toInstant(), rs.getString("actor"), rs.getString("note"), data(rs.getString("data"))));
                    return null;
                }).list();
        return rows.stream().map(r -> new CertificationCase(r.id(), r.applicationId(), r.reference(), schemes.get(r.schemeCode()),
                r.parties(), r.acceptedOn(), entries.get(r.id()), r.version())).toList();
    }
}
