package cn.cfp.scheme;

import java.util.Locale;
import java.util.Objects;

/** A time limit such as "90 days", "3 working days" or "6 months" as a scheme states it. */
public record Term(int amount, Unit unit) {

    public enum Unit {
        DAYS("日", "days"), WORKING_DAYS("个工作日", "working days"), MONTHS("个月", "months"), YEARS("年", "years");

        private final String zh;
        private final String en;

        Unit(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(Locale locale) {
            return LocalizedText.english(locale) ? en : zh;
        }
    }

    public Term {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0) {
            throw new IllegalArgumentException("A term must be positive, got " + amount);
        }
    }

    public static Term of(int amount, Unit unit) {
        return new Term(amount, unit);
    }

    public String summary(Locale locale) {
        return LocalizedText.english(locale) ? amount + " " + unit.label(locale) : amount + " " + unit.label(locale);
    }
}
