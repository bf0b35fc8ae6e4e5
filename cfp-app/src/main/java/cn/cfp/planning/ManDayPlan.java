package cn.cfp.planning;

import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.ManDayTable;
import cn.cfp.shared.Reason;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The man-day plan (R-PLAN-3): every line with its rule; {@code problems} are overrides that break a rule (refused),
 * {@code pending} are figures still missing (a count not known, a case-by-case band), which block approval.
 *
 * @param total counted man-days over all scopes (aggregate lines excluded)
 */
public record ManDayPlan(ManDayTable.Basis basis, List<ManDayLine> lines, BigDecimal total, List<Reason> problems,
                         List<Reason> pending, List<Reason> notes, String cite) {

    public ManDayPlan {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
        pending = List.copyOf(pending);
        notes = List.copyOf(notes);
    }

    @JsonProperty("complete")
    public boolean complete() {
        return problems.isEmpty() && pending.isEmpty();
    }

    public Optional<ManDayLine> line(String scopeKey, ManDayActivity activity) {
        return lines.stream().filter(l -> l.scopeKey().equals(scopeKey) && l.activity() == activity).findFirst();
    }

    /** Planned man-days of one scope (aggregate lines excluded). */
    public BigDecimal totalOf(String scopeKey) {
        return lines.stream().filter(l -> l.scopeKey().equals(scopeKey) && !l.aggregate() && l.planned() != null)
                .map(ManDayLine::planned).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
