package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/** Where and when certification results are published [R-PUB-1, R-PUB-2]. */
public record PublicationRule(LocalizedText channel, Integer withinWorkingDays, Boolean clientConsentRequired,
                              LocalizedText description) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        Texts.add(j, Texts.text(channel, locale));
        if (withinWorkingDays != null) {
            j.add(Texts.pick(locale, "发证后 " + withinWorkingDays + " 个工作日内", "within " + withinWorkingDays + " WD of issue"));
        }
        if (Boolean.TRUE.equals(clientConsentRequired)) {
            j.add(Texts.pick(locale, "经获证方同意", "with the client's consent"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
