package cn.cfp.verification;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.calc.footprint.FootprintResult;
import cn.cfp.calc.model.EmissionFactor;
import cn.cfp.calc.model.Input;
import cn.cfp.calc.model.Inventory;
import cn.cfp.calc.model.Process;
import cn.cfp.cases.CertificationCase;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.VerificationTables;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verifier's data-check tables per life-cycle stage (R-VER-2; back-half §2.3): Table 1 primary data, Table 2
 * secondary data and, where the scheme lists it, CEC's Table 3 primary data quality. The rows are the data of the
 * latest submission (with the verifier's corrections), prefilled as the report prints them; the verifier's columns are
 * saved row by row with a version check and audited. Which tables a scheme uses is its {@code verificationTables}.
 */
@Service
public class DataCheckTables {

    /** The columns of each table in the template's order; {@code true}: prefilled from the inventory. */
    public record Column(String key, boolean prefilled) {
    }

    static final Map<VerificationTables.Table, List<Column>> COLUMNS = Map.of(
            VerificationTables.Table.PRIMARY_DATA, List.of(new Column("name", true), new Column("unit", true),
                    new Column("source", true), new Column("method", false), new Column("recording", false),
                    new Column("calibration", false), new Column("missing", false), new Column("crossCheck", false)),
            VerificationTables.Table.SECONDARY_DATA, List.of(new Column("name", true), new Column("item", true),
                    new Column("year", true), new Column("region", true), new Column("type", true), new Column("source", true)),
            VerificationTables.Table.PRIMARY_DATA_QUALITY, List.of(new Column("name", true), new Column("description", false),
                    new Column("unit", true), new Column("source", true), new Column("monitoringPoint", false),
                    new Column("instrument", false), new Column("procedure", false), new Column("frequency", false),
                    new Column("qaqc", false), new Column("use", false)));

    private static final int MAX_CELL = 1000;

    private final Verifications verifications;
    private final SchemeCatalog schemes;
    private final DataCheckRowRepository rowsRepository;
    private final AuditTrail audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    DataCheckTables(Verifications verifications, SchemeCatalog schemes, DataCheckRowRepository rowsRepository, AuditTrail audit,
                    Clock clock) {
        this.verifications = verifications;
        this.schemes = schemes;
        this.rowsRepository = rowsRepository;
        this.audit = audit;
        this.clock = clock;
    }

    public static List<Column> columns(VerificationTables.Table t) {
        return COLUMNS.get(t);
    }

    /** Whether the table has a conclusion column (Tables 1 and 2; Table 3 is a record of requirements). */
    public static boolean concludes(VerificationTables.Table t) {
        return t != VerificationTables.Table.PRIMARY_DATA_QUALITY;
    }

    /** The tables the scheme uses (Tables 1 and 2 where it states none). */
    public List<VerificationTables.Table> tables(Scheme scheme) {
        VerificationTables v = scheme.verificationTables().value();
        return v == null || v.tables().isEmpty()
                ? List.of(VerificationTables.Table.PRIMARY_DATA, VerificationTables.Table.SECONDARY_DATA) : v.tables();
    }

    /**
     * The rows of the case's tables from the latest submission with its corrections, merged with the saved rows; by
     * stage in the result's order, then by table. Empty before the first submission.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<VerificationTables.Table, List<DataCheckRow>>> rows(long applicationId) {
        VerificationView v = verifications.view(applicationId);
        if (v.submissions().isEmpty()) {
            return Map.of();
        }
        SubmissionView s = v.submissions().get(v.submissions().size() - 1);
        Scheme scheme = schemes.get(v.schemeCode());
        List<Correction> corr = v.corrections().stream().map(Correction.Stored::correction).toList();
        Inventory inv = FootprintAdapter.corrected(verifications.inventory(s), corr);
        FootprintResult res = FootprintAdapter.calculate(scheme, verifications.inventory(s), corr, null, 0).result();
        return rows(applicationId, scheme, inv, res);
    }

    /** The rows for a given result (the report passes the recalculated inventory it prints). */
    Map<String, Map<VerificationTables.Table, List<DataCheckRow>>> rows(long applicationId, Scheme scheme, Inventory inv,
                                                                         FootprintResult res) {
        Map<String, DataCheckRow> saved = new HashMap<>();
        for (DataCheckRow r : saved(applicationId)) {
            saved.put(r.table() + "|" + r.stage() + "|" + r.key(), r);
        }
        List<VerificationTables.Table> tables = tables(scheme);
        Map<String, EmissionFactor> factors = inv.factors().stream()
                .collect(Collectors.toMap(EmissionFactor::id, Function.identity(), (a, b) -> a));
        Map<String, Map<VerificationTables.Table, List<DataCheckRow>>> out = new LinkedHashMap<>();
        res.stages().forEach(x -> {
            Map<VerificationTables.Table, List<DataCheckRow>> m = new LinkedHashMap<>();
            tables.forEach(t -> m.put(t, new ArrayList<>()));
            out.put(x.stage(), m);
        });
        Map<String, Set<String>> keys = new HashMap<>();
        for (FootprintResult.Contribution d : res.contributions()) {
            Map<VerificationTables.Table, List<DataCheckRow>> m = out.computeIfAbsent(d.stage(), k -> {
                Map<VerificationTables.Table, List<DataCheckRow>> n = new LinkedHashMap<>();
                tables.forEach(t -> n.put(t, new ArrayList<>()));
                return n;
            });
            EmissionFactor f = d.factor() == null ? null : factors.get(d.factor());
            String base = d.process() + " / " + d.item();
            String key = base;
            Set<String> used = keys.computeIfAbsent(d.stage() + (d.primary() ? "|P" : "|S"), k -> new HashSet<>());
            for (int i = 2; !used.add(key); i++) {
                key = base + " #" + i;
            }
            List<VerificationTables.Table> mine = d.primary()
                    ? List.of(VerificationTables.Table.PRIMARY_DATA, VerificationTables.Table.PRIMARY_DATA_QUALITY)
                    : List.of(VerificationTables.Table.SECONDARY_DATA);
            for (VerificationTables.Table t : mine) {
                List<DataCheckRow> list = m.get(t);
                if (list == null) {
                    continue;
                }
                Map<String, String> pre = new LinkedHashMap<>();
                if (t == VerificationTables.Table.SECONDARY_DATA) {
                    pre.put("name", f == null ? d.item() : f.name());
                    pre.put("item", base);
                    pre.put("year", f == null || f.year() == null ? "" : String.valueOf(f.year()));
                    pre.put("region", f == null || f.region() == null ? "" : f.region());
                    pre.put("type", f == null ? "" : f.type().name());
                    pre.put("source", f == null ? "" : f.source() + (f.version() == null ? "" : " " + f.version()));
                } else {
                    pre.put("name", base);
                    pre.put("unit", unit(inv, d));
                    pre.put("source", f == null ? null : f.source());
                }
                DataCheckRow s = saved.get(t + "|" + d.stage() + "|" + key);
                list.add(s == null
                        ? new DataCheckRow(t, d.stage(), key, list.size() + 1, pre, Map.of(), null, false, false, false, null, null, null)
                        : new DataCheckRow(t, d.stage(), key, list.size() + 1, pre, s.cells(), s.conclusion(), s.supplierData(),
                                s.thirdPartyVerified(), s.foreignData(), s.foreignDataNote(), s.savedBy(), s.version()));
            }
        }
        return out;
    }

    /** What the verifier enters in one row. */
    public record RowEntry(Map<String, String> cells, Aspect.Conclusion conclusion, boolean supplierData,
                           boolean thirdPartyVerified, boolean foreignData, String foreignDataNote, Integer version) {
    }

    /**
     * Saves the verifier's columns of one row (LEADER or VERIFIER of the team). {@code version} is the row version the
     * verifier saw (null for a row not saved yet): a stale save is refused 409. A supplier's secondary datum not verified
     * by a third party [000 Ann.2 §4.3.2.2(4)] and a foreign datum without a justification [§4.3.2.2(5)] cannot
     * conclude CONFORMS.
     */
    @Transactional
    public DataCheckRow save(Actor actor, long applicationId, VerificationTables.Table table, String stage, String key,
                             RowEntry e) {
        CertificationCase c = verifications.requireVerifier(actor, applicationId);
        Verifications.requireAllowed(verifications.workGate(applicationId));
        Scheme scheme = schemes.get(c.schemeCode());
        if (table == null || !tables(scheme).contains(table)) {
            throw Refusal.badRequest(List.of(Reason.of("verification.tableNotInScheme", table, c.schemeCode()).at("table")));
        }
        DataCheckRow row = rows(applicationId).getOrDefault(stage, Map.of()).getOrDefault(table, List.of()).stream()
                .filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> Refusal.notFound("verification.rowNotFound", stage + " " + key));
        List<Reason> problems = new ArrayList<>();
        Map<String, String> cells = new LinkedHashMap<>();
        Set<String> editable = columns(table).stream().filter(x -> !x.prefilled()).map(Column::key).collect(Collectors.toSet());
        if (e.cells() != null) {
            e.cells().forEach((k, val) -> {
                if (!editable.contains(k)) {
                    problems.add(Reason.of("verification.columnUnknown", k).at(k));
                } else if (val != null && val.length() > MAX_CELL) {
                    problems.add(Reason.of("verification.cellTooLong", MAX_CELL).at(k));
                } else if (val != null && !val.isBlank()) {
                    cells.put(k, val.strip());
                }
            });
        }
        Aspect.Conclusion conclusion = concludes(table) ? e.conclusion() : null;
        boolean secondary = table == VerificationTables.Table.SECONDARY_DATA;
        boolean supplier = secondary && e.supplierData();
        boolean verified = secondary && e.thirdPartyVerified();
        boolean foreign = secondary && e.foreignData();
        String note = !secondary || e.foreignDataNote() == null || e.foreignDataNote().isBlank() ? null : e.foreignDataNote().strip();
        if (note != null && note.length() > 2000) {
            problems.add(Reason.of("verification.cellTooLong", 2000).at("foreignDataNote"));
        }
        if (conclusion == Aspect.Conclusion.CONFORMS && supplier && !verified) {
            problems.add(Reason.of("verification.supplierNotVerified", key).at("conclusion"));
        }
        if (conclusion == Aspect.Conclusion.CONFORMS && foreign && note == null) {
            problems.add(Reason.of("verification.foreignNotJustified", key).at("foreignDataNote"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        String cellJson = json.writeValueAsString(cells);
        java.time.Instant at = clock.instant();
        if (row.version() == null) {
            if (e.version() != null) {
                throw Refusal.conflict("verification.stale", key);
            }
            try {
                rowsRepository.insert(applicationId, table.name(), stage, key, cellJson, conclusion == null ? null : conclusion.name(),
                        supplier, verified, foreign, note, actor.username(), at);
            } catch (DuplicateKeyException ex) {
                throw Refusal.conflict("verification.stale", key);
            }
        } else {
            boolean ok = e.version() != null && e.version().intValue() == row.version()
                    && rowsRepository.update(applicationId, table.name(), stage, key, cellJson,
                    conclusion == null ? null : conclusion.name(), supplier, verified, foreign, note, actor.username(), at, row.version());
            if (!ok) {
                throw Refusal.conflict("verification.stale", key);
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("table", table.name());
        d.put("stage", stage);
        d.put("row", key);
        d.put("conclusion", conclusion == null ? "-" : conclusion.name());
        d.put("cells", cellJson);
        if (secondary) {
            d.put("supplierData", supplier);
            d.put("thirdPartyVerified", verified);
            d.put("foreignData", foreign);
        }
        audit.record(actor.username(), "VERIFICATION_TABLE_ROW_SAVED", "application:" + applicationId, d);
        return rows(applicationId).get(stage).get(table).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private List<DataCheckRow> saved(long applicationId) {
        return rowsRepository.saved(applicationId).stream().map(r -> {
            Map<String, String> cells = json.readValue(r.cellsJson(), new TypeReference<LinkedHashMap<String, String>>() {
            });
            return new DataCheckRow(VerificationTables.Table.valueOf(r.table()), r.stage(), r.key(), 0, Map.of(), cells,
                    r.conclusion() == null ? null : Aspect.Conclusion.valueOf(r.conclusion()), r.supplier(), r.verified(),
                    r.foreign(), r.foreignNote(), r.savedBy(), r.version());
        }).toList();
    }

    static String unit(Inventory inv, FootprintResult.Contribution d) {
        for (Process p : inv.processes()) {
            if (p.name().equals(d.process())) {
                for (Input in : p.inputs()) {
                    if (in.name().equals(d.item())) {
                        return in.amount().unit().symbol();
                    }
                }
                for (var em : p.emissions()) {
                    if (em.name().equals(d.item())) {
                        return em.amount().unit().symbol();
                    }
                }
            }
        }
        return "";
    }
}
