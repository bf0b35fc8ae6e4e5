package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/**
 * A stage-1 evaluation before the on-site verification (CICC 一阶段核查评价 [004 §9.5]): the items the team answers, and
 * the last of them decides whether stage 2 can proceed. Null in schemes without a stage 1.
 */
public record PreliminaryEvaluation(List<EvaluationItem> items, LocalizedText description) implements Summarizable {

    public PreliminaryEvaluation {
        items = List.copyOf(items);
    }

    @Override
    public String summary(Locale locale) {
        String ids = Texts.join(items, EvaluationItem::id, "/");
        String base = Texts.pick(locale, "一阶段评价 " + items.size() + " 项（" + ids + "），判断是否具备二阶段条件",
                "stage-1 evaluation, " + items.size() + " items (" + ids + "), deciding whether stage 2 can proceed");
        String d = Texts.text(description, locale);
        return d == null || d.isBlank() ? base : base + "; " + d;
    }
}
