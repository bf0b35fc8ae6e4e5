package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The on-site plan a scheme sends to the client before the visit [R-PLAN-6]: what the document is called in the scheme
 * ({@code plan}: CNEX 现场核查计划 [001 §9.6.2], CGC 现场检查计划 [003 ¶35–36], CICC 书面核查计划 [004 §9.4.3]), how many
 * working days before the visit it must reach the client, and whether the client must confirm it (each revision of it)
 * before the visit starts.
 */
public record PlanNotice(Integer minWorkingDaysBefore, Confirmation clientConfirmation, LocalizedText plan,
                         LocalizedText description) implements Summarizable {

    /** Whether the client's confirmation of the plan is needed before the on-site visit. */
    public enum Confirmation { REQUIRED, NOT_REQUIRED }

    /** True when the visit may start only once the client confirmed the plan's current revision. */
    public boolean confirmationRequired() {
        return clientConfirmation == Confirmation.REQUIRED;
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        Texts.add(j, Texts.text(plan, locale));
        if (minWorkingDaysBefore != null) {
            j.add(Texts.pick(locale, "现场前 ≥ " + minWorkingDaysBefore + " 个工作日发给委托方",
                    "to the client ≥ " + minWorkingDaysBefore + " working day(s) before the visit"));
        }
        if (confirmationRequired()) {
            j.add(Texts.pick(locale, "现场前须经委托方确认（每次修订均须确认）",
                    "the client confirms it (each revision) before the visit"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
