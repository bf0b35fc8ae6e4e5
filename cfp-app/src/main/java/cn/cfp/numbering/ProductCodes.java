package cn.cfp.numbering;

import cn.cfp.access.Actor;
import cn.cfp.audit.AuditTrail;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product-code catalogue [decision D2]: the seeds do not contain CNCA's catalogue, so the codes are reference data
 * an admin imports as CSV ({@code code,name zh,name en}, one code a line, an optional header line). An import adds new
 * codes and updates the names of known ones; it never deletes a code (a code used in a number stays forever).
 * Errors are refused with their line numbers and nothing is stored.
 */
@Service
public class ProductCodes {

    static final Pattern CODE = Pattern.compile("\\d{3}");
    static final int MAX_NAME = 200;

    /** The result of an import: codes added and codes whose names were updated. */
    public record ImportResult(int added, int updated) {
    }

    private final ProductCodeRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ProductCodes(ProductCodeRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProductCode> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<ProductCode> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return repository.find(code.strip());
    }

    /** Imports the CSV text (UTF-8, comma-separated, fields may be quoted); all or nothing. */
    @Transactional
    public ImportResult importCsv(Actor actor, String csv) {
        List<String[]> rows = parse(csv);
        int added = 0;
        int updated = 0;
        for (String[] r : rows) {
            if (repository.save(r[0], r[1], r[2], actor.username(), clock.instant())) {
                added++;
            } else {
                updated++;
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("added", added);
        d.put("updated", updated);
        d.put("codes", rows.stream().map(r -> r[0]).toList());
        audit.record(actor.username(), "PRODUCT_CODES_IMPORTED", "product-codes", d);
        return new ImportResult(added, updated);
    }

    /** The rows (code, zh, en) or a refusal naming every bad line. */
    static List<String[]> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw Refusal.badRequest(List.of(Reason.of("numbering.codes.empty").at("file")));
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<String[]> rows = new ArrayList<>();
        List<Reason> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = Csv.cells(line);
            if (i == 0 && !cells.isEmpty() && !CODE.matcher(cells.get(0).strip()).matches()
                    && cells.get(0).strip().toLowerCase(java.util.Locale.ROOT).matches("code|代码|产品代码")) {
                continue; // header
            }
            if (cells.size() != 3) {
                problems.add(Reason.of("numbering.codes.columns", lineNo, cells.size()).at("file"));
                continue;
            }
            String code = cells.get(0).strip();
            String zh = cells.get(1).strip();
            String en = cells.get(2).strip();
            if (!CODE.matcher(code).matches()) {
                problems.add(Reason.of("numbering.codes.code", lineNo, code).at("file"));
            } else if (!seen.add(code)) {
                problems.add(Reason.of("numbering.codes.twice", lineNo, code).at("file"));
            }
            if (zh.isEmpty() || en.isEmpty()) {
                problems.add(Reason.of("numbering.codes.name", lineNo).at("file"));
            } else if (zh.length() > MAX_NAME || en.length() > MAX_NAME) {
                problems.add(Reason.of("numbering.codes.nameTooLong", lineNo, MAX_NAME).at("file"));
            }
            rows.add(new String[] {code, zh, en});
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        if (rows.isEmpty()) {
            throw Refusal.badRequest(List.of(Reason.of("numbering.codes.empty").at("file")));
        }
        return rows;
    }
}
