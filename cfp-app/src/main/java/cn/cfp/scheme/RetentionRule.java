package cn.cfp.scheme;

import java.util.Locale;

/**
 * Minimum retention of one kind of record [R-REC-2]; {@code minimum} null means "keep the current version" or
 * another non-duration rule given in {@code rule}.
 */
public record RetentionRule(Holder holder, LocalizedText record, Term minimum, LocalizedText rule, String cite)
        implements Summarizable {

    public enum Holder {
        ENTERPRISE("企业", "enterprise"), BODY("认证机构", "body");

        private final String zh;
        private final String en;

        Holder(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(Locale locale) {
            return LocalizedText.english(locale) ? en : zh;
        }
    }

    @Override
    public String summary(Locale locale) {
        String what = holder.label(locale) + (record == null ? "" : " · " + record.in(locale));
        String how = minimum != null ? "≥ " + minimum.summary(locale) : (rule == null ? "" : rule.in(locale));
        return what + " " + how;
    }
}
