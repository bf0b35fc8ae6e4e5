package cn.cfp.planning;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.ManDayBand;
import cn.cfp.scheme.ManDayBandTable;
import cn.cfp.scheme.ManDayRange;
import cn.cfp.scheme.ManDayRule;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.ManDayTable;
import cn.cfp.shared.Reason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Man-days per scope (site, unit or project) and activity from the scheme's {@link ManDayTable} (R-PLAN-3). Pure.
 * <ul>
 *   <li>fixed rules ("document review ≥ 0.5", "on-site ≥ 2 per site") give one line each, planned at the minimum;</li>
 *   <li>band tables (BOM items, GHG sources) give the lines of the band covering the scope's count; a case-by-case
 *       band leaves the figures of the other bands' activities to the planner (pending until overridden);</li>
 *   <li>{@link ManDayActivity#ON_SITE_COMBINED} (inspection + verification) and {@link ManDayActivity#TOTAL} are
 *       sums of the other lines, checked against their minimum;</li>
 *   <li>an override needs a reason and may not go below the table minimum less the scheme's
 *       {@code maxReductionPercent} (no reduction when the scheme allows none); a figure above the table is allowed
 *       (the seeds allow more time for complex products);</li>
 *   <li>{@code docReviewMaxPercentOfTotal}: a document-review line may not exceed that share of the scope's total;</li>
 *   <li>an exempt on-site inspection or an adopted prior verification makes that activity 0 [R-APP-5];</li>
 *   <li>a rule {@code perProject} counts once, in a project scope beside the sites or units; a rule {@code guide} has
 *       no floor and flags a planned figure outside its range (CGC document review 10–15, 003 ¶46, decision D5).</li>
 * </ul>
 */
public final class ManDayCalculator {

    static final Set<ManDayActivity> AGGREGATES = EnumSet.of(ManDayActivity.ON_SITE_COMBINED, ManDayActivity.TOTAL);
    static final Set<ManDayActivity> INSPECTION = EnumSet.of(ManDayActivity.ON_SITE_INSPECTION, ManDayActivity.INITIAL_ON_SITE);
    static final BigDecimal MAX_FIGURE = new BigDecimal("1000");
    /** The key of the scope that stands for the whole application. */
    public static final String PROJECT = "project";
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private ManDayCalculator() {
    }

    /** The computed plan without overrides. */
    public static ManDayPlan compute(Cited<ManDayTable> table, List<ManDayScope> scopes) {
        return plan(table, scopes, List.of());
    }

    public static ManDayPlan plan(Cited<ManDayTable> cited, List<ManDayScope> scopes, List<ManDayOverride> overrides) {
        ManDayTable table = cited == null ? null : cited.value();
        String cite = cited == null ? null : cited.cite();
        List<ManDayOverride> ovs = overrides == null ? List.of() : overrides;
        List<Reason> problems = new ArrayList<>();
        List<Reason> pending = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();
        List<ManDayLine> lines = new ArrayList<>();
        BigDecimal reduction = table == null || table.maxReductionPercent() == null ? BigDecimal.ZERO : table.maxReductionPercent();

        if (table == null) {
            notes.add(cited != null && cited.note() != null ? Reason.of("planning.manDays.noRuleNoted", cited.note())
                    : Reason.of("planning.manDays.noRule"));
        } else if (table.description() != null) {
            notes.add(cite == null ? Reason.of("planning.manDays.schemeNote", table.description())
                    : Reason.of("planning.manDays.description", table.description(), cite));
        }
        Set<String> keys = new java.util.HashSet<>();
        List<ManDayScope> all = withProjectScope(table, scopes);
        for (ManDayScope scope : all) {
            keys.add(scope.key());
            // a project scope beside sites or units carries only the rules that count once per project
            boolean projectPart = all.size() > 1 && PROJECT.equals(scope.key());
            Map<ManDayActivity, Draft> drafts = new LinkedHashMap<>();
            if (table != null) {
                for (ManDayRule r : table.rules()) {
                    if (all.size() > 1 && r.perProject() != projectPart) {
                        continue;
                    }
                    drafts.put(r.activity(), new Draft(r.manDays(), r.guide()
                            ? Reason.of("planning.manDays.rule.guide", r.activity(), r.manDays().text())
                            : Reason.of("planning.manDays.rule", r.activity(), r.manDays().text()), r.note(), r.guide()));
                }
                for (ManDayBandTable t : projectPart ? List.<ManDayBandTable>of() : table.tables()) {
                    Integer count = t.driver() == ManDayBandTable.Driver.BOM_ITEMS ? scope.bomItems() : scope.ghgSources();
                    LocalizedText driver = both(t.driver()::label);
                    if (count == null) {
                        pending.add(Reason.of("planning.manDays.countUnknown", scope.label(), driver, cite));
                        continue;
                    }
                    ManDayBand band = t.bandFor(count).orElse(null);
                    if (band == null) {
                        pending.add(Reason.of("planning.manDays.noBand", scope.label(), count, driver, cite));
                        continue;
                    }
                    for (Map.Entry<ManDayActivity, ManDayRange> e : band.manDays().entrySet()) {
                        drafts.put(e.getKey(), new Draft(e.getValue(), Reason.of("planning.manDays.rule.band", driver, count,
                                band.rangeText(), e.getKey(), e.getValue().text()), band.note(), false));
                    }
                    if (band.caseByCase()) {
                        for (ManDayBand other : t.bands()) {
                            for (ManDayActivity a : other.manDays().keySet()) {
                                if (!band.manDays().containsKey(a) && !drafts.containsKey(a)) {
                                    drafts.put(a, new Draft(null, Reason.of("planning.manDays.rule.caseByCase", driver, count,
                                            band.rangeText()), null, false));
                                }
                            }
                        }
                    }
                }
            }
            // build lines (non-aggregates first), apply exemptions
            Map<ManDayActivity, Line> built = new LinkedHashMap<>();
            for (Map.Entry<ManDayActivity, Draft> e : drafts.entrySet()) {
                ManDayActivity a = e.getKey();
                Draft d = e.getValue();
                BigDecimal min = d.range == null ? null : d.range.min();
                BigDecimal max = d.range == null ? null : d.range.max();
                Reason note = d.note == null ? null : Reason.of("planning.manDays.schemeNote", d.note);
                if (INSPECTION.contains(a) && scope.inspectionExempt()) {
                    min = BigDecimal.ZERO;
                    max = BigDecimal.ZERO;
                    note = Reason.of("planning.manDays.inspectionWaived");
                } else if (a == ManDayActivity.ON_SITE_VERIFICATION && scope.verificationAdopted()) {
                    min = BigDecimal.ZERO;
                    max = BigDecimal.ZERO;
                    note = Reason.of("planning.manDays.verificationAdopted");
                }
                // a guide has no floor: any figure may be planned, one outside the range is flagged (decision D5)
                BigDecimal floor = min == null ? null : d.guide ? BigDecimal.ZERO
                        : floor(min, AGGREGATES.contains(a) ? BigDecimal.ZERO : reduction);
                Line line = new Line(a, min, max, floor, AGGREGATES.contains(a) ? null : min, d.rule);
                line.guide = d.guide;
                if (note != null) {
                    line.notes.add(note);
                }
                built.put(a, line);
            }
            // overrides
            for (ManDayOverride o : ovs) {
                if (!scope.key().equals(o.scopeKey())) {
                    continue;
                }
                if (o.activity() == null) {
                    problems.add(Reason.of("planning.manDays.activityRequired", scope.label()));
                    continue;
                }
                String field = ManDayLine.field(scope.key(), o.activity());
                if (AGGREGATES.contains(o.activity())) {
                    problems.add(Reason.of("planning.manDays.sumLine", scope.label(), o.activity()).at(field));
                    continue;
                }
                if (o.reason() == null || o.reason().isBlank()) {
                    problems.add(Reason.of("planning.manDays.reasonRequired", scope.label(), o.activity())
                            .at("reason_" + scope.key() + "|" + o.activity()));
                    continue;
                }
                if (o.manDays() == null || o.manDays().signum() < 0 || o.manDays().compareTo(MAX_FIGURE) > 0) {
                    problems.add(Reason.of("planning.manDays.outOfRange", scope.label(), o.activity(), num(o.manDays())).at(field));
                    continue;
                }
                Line l = built.get(o.activity());
                if (l == null) {
                    built.put(o.activity(), new Line(o.activity(), null, null, BigDecimal.ZERO, o.manDays(),
                            Reason.of("planning.manDays.rule.planner")).overridden(o.reason()));
                    continue;
                }
                if (l.floor != null && o.manDays().compareTo(l.floor) < 0) {
                    problems.add((reduction.signum() > 0 && l.min != null && l.floor.compareTo(l.min) < 0
                            ? Reason.of("planning.manDays.belowReducedMinimum", scope.label(), o.activity(), num(o.manDays()),
                                    num(l.floor), num(l.min), num(reduction), cite)
                            : Reason.of("planning.manDays.belowMinimum", scope.label(), o.activity(), num(o.manDays()),
                                    num(l.floor), cite)).at(field));
                    continue;
                }
                l.planned = o.manDays();
                l.overridden(o.reason());
                if (l.guide && l.min != null && (o.manDays().compareTo(l.min) < 0 || (l.max != null && o.manDays().compareTo(l.max) > 0))) {
                    l.notes.add(Reason.of("planning.manDays.outsideGuide", scope.label(), o.activity(), num(o.manDays()), l.range(), cite));
                }
            }
            // pending case-by-case figures
            for (Line l : built.values()) {
                if (!AGGREGATES.contains(l.activity) && l.planned == null) {
                    pending.add(Reason.of("planning.manDays.caseByCase", scope.label(), l.activity, cite)
                            .at(ManDayLine.field(scope.key(), l.activity)));
                }
            }
            BigDecimal scopeTotal = built.values().stream().filter(l -> !AGGREGATES.contains(l.activity) && l.planned != null)
                    .map(l -> l.planned).reduce(BigDecimal.ZERO, BigDecimal::add);
            // aggregates
            for (Line l : built.values()) {
                if (l.activity == ManDayActivity.ON_SITE_COMBINED) {
                    boolean exempt = scope.inspectionExempt() || scope.verificationAdopted();
                    l.planned = sum(built, EnumSet.of(ManDayActivity.ON_SITE_INSPECTION, ManDayActivity.ON_SITE_VERIFICATION));
                    if (exempt) {
                        l.notes.clear();
                        l.notes.add(Reason.of("planning.manDays.combinedNotApplicable"));
                    } else if (l.floor != null && l.planned.compareTo(l.floor) < 0) {
                        problems.add(Reason.of("planning.manDays.combinedBelow", scope.label(), l.activity, num(l.planned),
                                num(l.floor), cite));
                    }
                } else if (l.activity == ManDayActivity.TOTAL) {
                    l.planned = scopeTotal;
                    BigDecimal floor = l.min == null ? null : floor(l.min, reduction);
                    l.floor = floor;
                    if (floor != null && scopeTotal.compareTo(floor) < 0) {
                        problems.add(Reason.of("planning.manDays.totalBelow", scope.label(), num(scopeTotal), num(floor), cite));
                    } else if (l.max != null && scopeTotal.compareTo(l.max) > 0) {
                        l.notes.clear();
                        l.notes.add(Reason.of("planning.manDays.aboveTable", l.range()));
                    }
                }
            }
            // document review share
            if (table != null && table.docReviewMaxPercentOfTotal() != null) {
                BigDecimal pct = table.docReviewMaxPercentOfTotal();
                BigDecimal cap = scopeTotal.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                for (Line l : built.values()) {
                    if (l.activity == ManDayActivity.DOC_REVIEW && l.planned != null && l.planned.compareTo(cap) > 0) {
                        problems.add(Reason.of("planning.manDays.docReviewShare", scope.label(), l.activity, num(l.planned), num(pct),
                                num(scopeTotal), num(cap), cite).at(ManDayLine.field(scope.key(), l.activity)));
                    } else if (l.activity == ManDayActivity.DOC_REVIEW_AND_STAGE1 || l.activity == ManDayActivity.DOC_REVIEW) {
                        l.notes.add(Reason.of("planning.manDays.docReviewCap", num(pct), num(cap)));
                    }
                }
            }
            for (Line l : built.values()) {
                lines.add(new ManDayLine(scope.key(), scope.label(), l.activity, l.min, l.max, l.floor, l.planned,
                        AGGREGATES.contains(l.activity), l.overridden, l.reason, l.rule, cite, l.notes));
            }
        }
        for (ManDayOverride o : ovs) {
            if (!keys.contains(o.scopeKey())) {
                problems.add(Reason.of("planning.manDays.unknownScope", o.scopeKey()));
            }
        }
        if (table == null && ovs.isEmpty()) {
            pending.add(Reason.of("planning.manDays.noRuleEnterFigures"));
        }
        BigDecimal total = lines.stream().filter(l -> !l.aggregate() && l.planned() != null).map(ManDayLine::planned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ManDayPlan(table == null ? null : table.basis(), lines, total, problems, pending, notes, cite);
    }

    /**
     * The scopes to compute: the given ones, plus the whole project when the table has rules that count once per
     * project and the scopes are sites or units.
     */
    static List<ManDayScope> withProjectScope(ManDayTable table, List<ManDayScope> scopes) {
        boolean perProjectRules = table != null && table.rules().stream().anyMatch(ManDayRule::perProject);
        if (!perProjectRules || scopes.stream().anyMatch(s -> PROJECT.equals(s.key()))) {
            return scopes;
        }
        List<ManDayScope> all = new ArrayList<>(scopes);
        all.add(new ManDayScope(PROJECT, PROJECT, null, null, false, false));
        return all;
    }

    static BigDecimal floor(BigDecimal min, BigDecimal reductionPercent) {
        if (reductionPercent == null || reductionPercent.signum() == 0) {
            return min;
        }
        return min.multiply(HUNDRED.subtract(reductionPercent)).divide(HUNDRED, 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    static String num(BigDecimal n) {
        return n == null ? "—" : n.stripTrailingZeros().toPlainString();
    }

    /** A text the scheme gives per language (a driver's name, a level) as an argument shown in the reader's language. */
    static LocalizedText both(Function<Locale, String> f) {
        return LocalizedText.of(f.apply(Locale.SIMPLIFIED_CHINESE), f.apply(Locale.ENGLISH));
    }

    private static BigDecimal sum(Map<ManDayActivity, Line> built, Set<ManDayActivity> of) {
        return built.values().stream().filter(l -> of.contains(l.activity) && l.planned != null).map(l -> l.planned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Draft(ManDayRange range, Reason rule, LocalizedText note, boolean guide) {
    }

    /** Mutable while one scope is computed. */
    private static final class Line {
        final ManDayActivity activity;
        final BigDecimal min;
        final BigDecimal max;
        BigDecimal floor;
        BigDecimal planned;
        final Reason rule;
        final List<Reason> notes = new ArrayList<>();
        boolean overridden;
        boolean guide;
        String reason;

        Line(ManDayActivity activity, BigDecimal min, BigDecimal max, BigDecimal floor, BigDecimal planned, Reason rule) {
            this.activity = activity;
            this.min = min;
            this.max = max;
            this.floor = floor;
            this.planned = planned;
            this.rule = rule;
        }

        Line overridden(String why) {
            this.overridden = true;
            this.reason = why.strip();
            return this;
        }

        String range() {
            return new ManDayRange(min, max).text();
        }
    }
}
