package cn.cfp.calc.footprint;

import cn.cfp.calc.model.EmissionFactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R-CALC-4: among the factors serving a flow, prefer by type (measured > supplier > regional > national >
 * international), then by database (scheme-specified > domestic authoritative > international > other), then the
 * most recent year, then the id (so that the choice never depends on input order). Candidates whose data quality
 * fails the scheme minimum are not used.
 */
final class FactorSelection {

    static final Comparator<EmissionFactor> PRIORITY = Comparator
            .comparing(EmissionFactor::type)
            .thenComparing(EmissionFactor::database)
            .thenComparing((EmissionFactor f) -> f.year() == null ? Integer.MIN_VALUE : f.year(), Comparator.reverseOrder())
            .thenComparing(EmissionFactor::id);

    private FactorSelection() {
    }

    static String describe(EmissionFactor f) {
        return f.id() + " (" + f.type() + ", " + f.database() + (f.year() == null ? "" : ", " + f.year()) + ")";
    }

    /** The chosen factor and a sentence saying why; {@code usable} is the list after the quality filter. */
    static FactorChoice choose(String process, String input, String flow, List<EmissionFactor> all,
                               List<EmissionFactor> usable) {
        List<EmissionFactor> sorted = new ArrayList<>(usable);
        sorted.sort(PRIORITY);
        EmissionFactor best = sorted.get(0);
        StringBuilder why = new StringBuilder();
        if (all.size() == 1) {
            why.append("only factor serving flow '").append(flow).append('\'');
        } else {
            why.append(all.size()).append(" candidates for flow '").append(flow).append("'; chose ").append(describe(best));
            if (sorted.size() > 1) {
                EmissionFactor second = sorted.get(1);
                why.append(" over ").append(describe(second)).append(": ");
                if (best.type() != second.type()) {
                    why.append("factor type priority measured > supplier > regional > national > international");
                } else if (best.database() != second.database()) {
                    why.append("database priority scheme-specified > domestic > international > other");
                } else if (!java.util.Objects.equals(best.year(), second.year())) {
                    why.append("more recent year");
                } else {
                    why.append("same priority, first by id");
                }
            }
            if (usable.size() < all.size()) {
                why.append("; ").append(all.size() - usable.size()).append(" candidate(s) rejected for data quality below the minimum");
            }
        }
        List<String> names = new ArrayList<>();
        for (EmissionFactor f : all) {
            names.add(describe(f));
        }
        return new FactorChoice(process, input, flow, best.id(), why.toString(), names);
    }
}
