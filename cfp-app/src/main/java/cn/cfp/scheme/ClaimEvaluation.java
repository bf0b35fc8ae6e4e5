package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;

/**
 * The evaluation of the client's footprint claim and its evidence before the on-site verification (CGC 碳足迹声明及证据评价
 * [003 ¶57–63]): the purposes it answers, how many rounds a client gets before the certification is terminated (a body
 * decision where the seed gives no number [decision D5]), and the consistency items of an adopted prior verification
 * [003 ¶63, ¶67]. Null in schemes without one.
 */
public record ClaimEvaluation(List<EvaluationItem> items, Integer rounds, List<EvaluationItem> consistencyItems,
                              LocalizedText description) implements Summarizable {

    public ClaimEvaluation {
        items = List.copyOf(items);
        consistencyItems = consistencyItems == null ? List.of() : List.copyOf(consistencyItems);
    }

    @Override
    public String summary(Locale locale) {
        StringBuilder b = new StringBuilder(Texts.pick(locale, "声明及证据评价 " + items.size() + " 项",
                "claim-and-evidence evaluation, " + items.size() + " items"));
        if (rounds != null) {
            b.append(Texts.pick(locale, "；最多 " + rounds + " 轮，仍不符合则终止认证",
                    "; at most " + rounds + " rounds, still not conforming → terminated"));
        }
        if (!consistencyItems.isEmpty()) {
            b.append(Texts.pick(locale, "；采信已有核查时一致性核查 " + consistencyItems.size() + " 项",
                    "; consistency check of an adopted verification, " + consistencyItems.size() + " items"));
        }
        String d = Texts.text(description, locale);
        return d == null || d.isBlank() ? b.toString() : b + "; " + d;
    }
}
