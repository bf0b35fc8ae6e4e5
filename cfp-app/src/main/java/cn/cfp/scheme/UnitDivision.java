package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/** How certification units (认证单元) are divided [R-UNIT-1, R-UNIT-2]. */
public record UnitDivision(Rule rule, boolean differentSiteIsDifferentUnit, List<ProductClass> classes,
                           List<LocalizedText> steps, LocalizedText description, ModelsPerUnit modelsPerUnit,
                           String exceptionCite) implements Summarizable {

    /** How many models a unit may hold (corrections B-1, B-2). */
    public enum ModelsPerUnit {
        /** one model per unit; several only with a recorded reason citing {@link #exceptionCite()} (000 §6 "原则上"; 003 ¶15). */
        ONE,
        /** a unit is a class and may hold several models (002 §4). */
        ANY
    }

    public enum Rule {
        /** same factory + same product + same model = one unit [000 §6]. */
        SAME_FACTORY_PRODUCT_MODEL,
        /** one unit per class of a list (e.g. furniture material [002 §4]). */
        BY_CLASS,
        /** ordered division steps (e.g. field → function → model → site [003 ¶14]). */
        STEPWISE
    }

    public UnitDivision {
        classes = classes == null ? List.of() : List.copyOf(classes);
        steps = steps == null ? List.of() : List.copyOf(steps);
        modelsPerUnit = modelsPerUnit == null ? (rule == Rule.BY_CLASS ? ModelsPerUnit.ANY : ModelsPerUnit.ONE) : modelsPerUnit;
    }

    public UnitDivision(Rule rule, boolean differentSiteIsDifferentUnit, List<ProductClass> classes, List<LocalizedText> steps,
                        LocalizedText description) {
        this(rule, differentSiteIsDifferentUnit, classes, steps, description, null, null);
    }

    /**
     * The class this text names (its code, Chinese or English name), if the scheme lists classes and one matches; a
     * scheme without classes leaves the product's class free text.
     */
    public Optional<ProductClass> classOf(String text) {
        return classes.stream().filter(c -> c.matches(text)).findFirst();
    }

    /** True when every model of a unit must share one class/field (002 §4 material class; 003 ¶14 step 1 field). */
    public boolean oneCategoryPerUnit() {
        return rule == Rule.BY_CLASS || rule == Rule.STEPWISE;
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        Texts.add(j, Texts.text(description, locale));
        if (!classes.isEmpty()) {
            Texts.add(j, Texts.join(classes, c -> c.in(locale), "、"));
        }
        if (!steps.isEmpty()) {
            Texts.add(j, Texts.join(steps, c -> c.in(locale), " → "));
        }
        if (modelsPerUnit == ModelsPerUnit.ONE) {
            Texts.add(j, Texts.pick(locale, "每个型号为一个单元", "one model per unit")
                    + (exceptionCite == null ? "" : Texts.pick(locale, "（例外须记录理由 [" + exceptionCite + "]）",
                    " (an exception needs a recorded reason [" + exceptionCite + "])")));
        }
        if (differentSiteIsDifferentUnit) {
            Texts.add(j, Texts.pick(locale, "不同生产场地为不同单元", "a different site is a different unit"));
        }
        return j.toString();
    }
}
