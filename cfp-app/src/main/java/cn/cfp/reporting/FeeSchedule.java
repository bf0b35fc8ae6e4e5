package cn.cfp.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One version of the body's published fee standards [000 §10; 001 §16; 002 §9; 003 ¶97]: never overwritten, the next
 * save is the next version.
 *
 * @param demo true for the demo data's schedule: the page says the amounts are demonstration values
 */
public record FeeSchedule(int version, LocalDate effectiveOn, String noteZh, String noteEn, boolean demo, String savedBy,
                          Instant savedAt, List<FeeItem> items) {

    public FeeSchedule {
        items = List.copyOf(items);
    }

    public String note(Locale locale) {
        return "en".equals(locale.getLanguage()) ? noteEn : noteZh;
    }
}
