package cn.cfp.scheme;

import java.util.Locale;

/** Time limit from formal acceptance to the certification conclusion [R-PLAN-5]. */
public record TimeLimit(int days, Boolean clientDelaysExcluded) implements Summarizable {

    @Override
    public String summary(Locale locale) {
        String base = Texts.pick(locale, "≤ " + days + " 日", "≤ " + days + " days");
        if (Boolean.TRUE.equals(clientDelaysExcluded)) {
            return base + Texts.pick(locale, "（委托人原因延误不计）", " (client-caused delays excluded)");
        }
        return base;
    }
}
