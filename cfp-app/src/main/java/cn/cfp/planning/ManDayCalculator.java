package cn.cfp.planning;

import cn.cfp.scheme.Cited;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.ManDayBand;
import cn.cfp.scheme.ManDayBandTable;
import cn.cfp.scheme.ManDayRange;
import cn.cfp.scheme.ManDayRule;
import cn.cfp.scheme.ManDayTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
 *   <li>an exempt on-site inspection or an adopted prior verification makes that activity 0 [R-APP-5].</li>
 * </ul>
 */
public final class ManDayCalculator {

    static final Set<ManDayActivity> AGGREGATES = EnumSet.of(ManDayActivity.ON_SITE_COMBINED, ManDayActivity.TOTAL);
    static final Set<ManDayActivity> INSPECTION = EnumSet.of(ManDayActivity.ON_SITE_INSPECTION, ManDayActivity.INITIAL_ON_SITE);
    static final BigDecimal MAX_FIGURE = new BigDecimal("1000");
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
        List<String> problems = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ManDayLine> lines = new ArrayList<>();
        BigDecimal reduction = table == null || table.maxReductionPercent() == null ? BigDecimal.ZERO : table.maxReductionPercent();

        if (table == null) {
            notes.add("The scheme states no man-day rule: the planner sets the figures, each with a reason / 本方案未规定人日数，由策划人员填写并说明理由"
                    + (cited != null && cited.note() != null ? " (" + cited.note() + ")" : ""));
        } else if (table.description() != null) {
            notes.add(table.description().zh() + (table.description().en() == null ? "" : " / " + table.description().en())
                    + (cite == null ? "" : " [" + cite + "]"));
        }
        Set<String> keys = new java.util.HashSet<>();
        for (ManDayScope scope : scopes) {
            keys.add(scope.key());
            Map<ManDayActivity, Draft> drafts = new LinkedHashMap<>();
            if (table != null) {
                for (ManDayRule r : table.rules()) {
                    drafts.put(r.activity(), new Draft(r.manDays(), both(r::summary), r.note() == null ? null : r.note().zh()));
                }
                for (ManDayBandTable t : table.tables()) {
                    Integer count = t.driver() == ManDayBandTable.Driver.BOM_ITEMS ? scope.bomItems() : scope.ghgSources();
                    String driver = t.driver().label(Locale.CHINA) + " / " + t.driver().label(Locale.ENGLISH);
                    if (count == null) {
                        pending.add(scope.label() + ": the number of " + t.driver().label(Locale.ENGLISH)
                                + " is not known; record it on the application's products / " + scope.label() + "：未填写"
                                + t.driver().label(Locale.CHINA) + "，请在申请的产品信息中补充 [" + cite + "]");
                        continue;
                    }
                    ManDayBand band = t.bandFor(count).orElse(null);
                    if (band == null) {
                        pending.add(scope.label() + ": no band of the table covers " + count + " " + t.driver().label(Locale.ENGLISH)
                                + " / " + scope.label() + "：人日表没有覆盖 " + count + " 的档次 [" + cite + "]");
                        continue;
                    }
                    for (Map.Entry<ManDayActivity, ManDayRange> e : band.manDays().entrySet()) {
                        drafts.put(e.getKey(), new Draft(e.getValue(), driver + " " + count + " → " + band.rangeText() + ": "
                                + e.getKey().label(Locale.CHINA) + " " + e.getValue().text(), band.note() == null ? null : band.note().zh()));
                    }
                    if (band.caseByCase()) {
                        for (ManDayBand other : t.bands()) {
                            for (ManDayActivity a : other.manDays().keySet()) {
                                if (!band.manDays().containsKey(a) && !drafts.containsKey(a)) {
                                    drafts.put(a, new Draft(null, driver + " " + count + " → " + band.rangeText()
                                            + ": 视情况确定 / case by case", null));
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
                String note = d.note;
                if (INSPECTION.contains(a) && scope.inspectionExempt()) {
                    min = BigDecimal.ZERO;
                    max = BigDecimal.ZERO;
                    note = "on-site inspection waived for this application / 本次认证免于现场检查 [R-APP-5]";
                } else if (a == ManDayActivity.ON_SITE_VERIFICATION && scope.verificationAdopted()) {
                    min = BigDecimal.ZERO;
                    max = BigDecimal.ZERO;
                    note = "prior verification adopted: no on-site verification / 已采信核查结果，不进行现场核查 [R-APP-5]";
                }
                BigDecimal floor = min == null ? null : floor(min, AGGREGATES.contains(a) ? BigDecimal.ZERO : reduction);
                built.put(a, new Line(a, min, max, floor, AGGREGATES.contains(a) ? null : min, d.rule, note));
            }
            // overrides
            for (ManDayOverride o : ovs) {
                if (!scope.key().equals(o.scopeKey())) {
                    continue;
                }
                String what = scope.label() + " · " + label(o.activity());
                if (o.activity() == null) {
                    problems.add(scope.label() + ": say which activity the figure is for / 请选择活动");
                    continue;
                }
                if (AGGREGATES.contains(o.activity())) {
                    problems.add(what + " is the sum of the other lines and cannot be set / 该项为其他各项之和，不能直接填写");
                    continue;
                }
                if (o.reason() == null || o.reason().isBlank()) {
                    problems.add(what + ": a changed figure needs a reason / 调整人日数须说明理由");
                    continue;
                }
                if (o.manDays() == null || o.manDays().signum() < 0 || o.manDays().compareTo(MAX_FIGURE) > 0) {
                    problems.add(what + ": give a figure between 0 and 1000 man-days, got " + o.manDays() + " / 人日数应在 0-1000 之间");
                    continue;
                }
                Line l = built.get(o.activity());
                if (l == null) {
                    built.put(o.activity(), new Line(o.activity(), null, null, BigDecimal.ZERO, o.manDays(),
                            "策划人员填写 / set by the planner", null).overridden(o.reason()));
                    continue;
                }
                if (l.floor != null && o.manDays().compareTo(l.floor) < 0) {
                    problems.add(what + ": " + num(o.manDays()) + " man-days is below the minimum of " + num(l.floor)
                            + (reduction.signum() > 0 && l.min != null && l.floor.compareTo(l.min) < 0
                            ? " (table " + num(l.min) + " less the allowed " + num(reduction) + " %)"
                            : " (the scheme allows no reduction)")
                            + " / " + num(o.manDays()) + " 人日低于最低 " + num(l.floor) + " 人日"
                            + (reduction.signum() > 0 && l.min != null && l.floor.compareTo(l.min) < 0
                            ? "（人日表 " + num(l.min) + " 减少不超过 " + num(reduction) + "%）" : "（本方案不允许减少）")
                            + " [" + cite + "]");
                    continue;
                }
                l.planned = o.manDays();
                l.overridden(o.reason());
            }
            // pending case-by-case figures
            for (Line l : built.values()) {
                if (!AGGREGATES.contains(l.activity) && l.planned == null) {
                    pending.add(scope.label() + " · " + label(l.activity) + ": case by case — set the figure with a reason / "
                            + "视情况确定，请填写人日数并说明理由 [" + cite + "]");
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
                        l.note = "not applicable: an on-site activity is waived / 有现场活动被免除，不适用";
                    } else if (l.floor != null && l.planned.compareTo(l.floor) < 0) {
                        problems.add(scope.label() + " · " + label(l.activity) + ": together " + num(l.planned) + " man-days, at least "
                                + num(l.floor) + " required / 现场检查与核查合计 " + num(l.planned) + " 人日，应不低于 " + num(l.floor) + " [" + cite + "]");
                    }
                } else if (l.activity == ManDayActivity.TOTAL) {
                    l.planned = scopeTotal;
                    BigDecimal floor = l.min == null ? null : floor(l.min, reduction);
                    l.floor = floor;
                    if (floor != null && scopeTotal.compareTo(floor) < 0) {
                        problems.add(scope.label() + ": total " + num(scopeTotal) + " man-days is below the minimum of " + num(floor)
                                + " / 合计 " + num(scopeTotal) + " 人日低于最低 " + num(floor) + " [" + cite + "]");
                    } else if (l.max != null && scopeTotal.compareTo(l.max) > 0) {
                        l.note = "above the table total " + l.range() + " (allowed for scope, complexity, risk) / 高于人日表合计，须有理由";
                    }
                }
            }
            // document review share
            if (table != null && table.docReviewMaxPercentOfTotal() != null) {
                BigDecimal pct = table.docReviewMaxPercentOfTotal();
                BigDecimal cap = scopeTotal.multiply(pct).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                for (Line l : built.values()) {
                    if (l.activity == ManDayActivity.DOC_REVIEW && l.planned != null && l.planned.compareTo(cap) > 0) {
                        problems.add(scope.label() + " · " + label(l.activity) + ": " + num(l.planned) + " man-days exceeds "
                                + num(pct) + " % of the total " + num(scopeTotal) + " (" + num(cap) + ") / 文件审定 "
                                + num(l.planned) + " 人日超过总人天 " + num(scopeTotal) + " 的 " + num(pct) + "%（" + num(cap) + "） [" + cite + "]");
                    } else if (l.activity == ManDayActivity.DOC_REVIEW_AND_STAGE1 || l.activity == ManDayActivity.DOC_REVIEW) {
                        l.note = join(l.note, "document check ≤ " + num(pct) + " % of the total = " + num(cap)
                                + " man-days / 文件审定时间不超过总人天的 " + num(pct) + "%，即 " + num(cap) + " 人日");
                    }
                }
            }
            for (Line l : built.values()) {
                lines.add(new ManDayLine(scope.key(), scope.label(), l.activity, l.min, l.max, l.floor, l.planned,
                        AGGREGATES.contains(l.activity), l.overridden, l.reason, l.rule, cite, l.note));
            }
        }
        for (ManDayOverride o : ovs) {
            if (!keys.contains(o.scopeKey())) {
                problems.add("There is no site/unit '" + o.scopeKey() + "' in this plan / 本策划中没有该场所或单元：" + o.scopeKey());
            }
        }
        if (table == null && ovs.isEmpty()) {
            pending.add("Enter the planned man-days (the scheme states no rule) / 请填写计划人日数（本方案未规定）");
        }
        BigDecimal total = lines.stream().filter(l -> !l.aggregate() && l.planned() != null).map(ManDayLine::planned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ManDayPlan(table == null ? null : table.basis(), lines, total, problems, pending, notes, cite);
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

    static String label(ManDayActivity a) {
        return a == null ? "?" : a.label(Locale.CHINA) + " / " + a.label(Locale.ENGLISH);
    }

    private static String both(java.util.function.Function<Locale, String> f) {
        String zh = f.apply(Locale.CHINA);
        String en = f.apply(Locale.ENGLISH);
        return zh.equals(en) ? zh : zh + " / " + en;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    private static BigDecimal sum(Map<ManDayActivity, Line> built, Set<ManDayActivity> of) {
        return built.values().stream().filter(l -> of.contains(l.activity) && l.planned != null).map(l -> l.planned)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private record Draft(ManDayRange range, String rule, String note) {
    }

    /** Mutable while one scope is computed. */
    private static final class Line {
        final ManDayActivity activity;
        final BigDecimal min;
        final BigDecimal max;
        BigDecimal floor;
        BigDecimal planned;
        final String rule;
        String note;
        boolean overridden;
        String reason;

        Line(ManDayActivity activity, BigDecimal min, BigDecimal max, BigDecimal floor, BigDecimal planned, String rule, String note) {
            this.activity = activity;
            this.min = min;
            this.max = max;
            this.floor = floor;
            this.planned = planned;
            this.rule = rule;
            this.note = note;
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
