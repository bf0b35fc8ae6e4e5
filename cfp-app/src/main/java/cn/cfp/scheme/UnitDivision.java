package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** How certification units (认证单元) are divided [R-UNIT-1, R-UNIT-2]. */
public record UnitDivision(Rule rule, boolean differentSiteIsDifferentUnit, List<LocalizedText> classes,
                           List<LocalizedText> steps, LocalizedText description) implements Summarizable {

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
        if (differentSiteIsDifferentUnit) {
            Texts.add(j, Texts.pick(locale, "不同生产场地为不同单元", "a different site is a different unit"));
        }
        return j.toString();
    }
}
