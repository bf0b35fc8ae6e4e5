package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What the on-site inspection of a scheme checks and records (R-INS-1..5; back-half §1.2–1.6): the assurance-capability
 * checklist (000 Annex 1 and its variants), the product-consistency items, the meetings that need an attendance record,
 * the contents of the on-site inspection report, and the reasons for suspending an activity with the notice's title.
 *
 * @param checklist          the enterprise assurance-capability checklist, resolved from its item set and headings
 * @param consistency        the product-consistency items [000 §7.5.3; 001 §9.5.3; 002 §5.4.2; 003 ¶53]
 * @param attendanceMeetings the meetings that need an attendance record (OPENING, CLOSING)
 * @param reportContents     the minimum contents of the on-site inspection report [000 §7.5.4; 002 §5.6]
 * @param suspensionReasons  the reasons an activity may be suspended [001 §9.5.5]
 * @param suspensionNotice   the title of the notice sent to the client when an activity is suspended
 */
public record InspectionRules(AssuranceChecklist checklist, List<InspectionItem> consistency, List<Meeting> attendanceMeetings,
                              List<InspectionItem> reportContents, List<Step> suspensionReasons, LocalizedText suspensionNotice,
                              LocalizedText description) implements Summarizable {

    /** A meeting of the visit. */
    public enum Meeting { OPENING, CLOSING }

    /** One item to check or report on. */
    public record InspectionItem(String id, LocalizedText text, String cite) {
    }

    public InspectionRules {
        consistency = List.copyOf(consistency);
        attendanceMeetings = List.copyOf(attendanceMeetings);
        reportContents = List.copyOf(reportContents);
        suspensionReasons = List.copyOf(suspensionReasons);
    }

    public Optional<InspectionItem> consistencyItem(String id) {
        return consistency.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (checklist != null) {
            j.add(Texts.text(checklist.title(), locale) + " (" + checklist.items().size()
                    + Texts.pick(locale, " 项)", " items)"));
        }
        j.add(Texts.pick(locale, "产品一致性 " + consistency.size() + " 项", consistency.size() + " product-consistency items"));
        if (!attendanceMeetings.isEmpty()) {
            j.add(Texts.pick(locale, "签到记录：", "attendance record: ") + attendanceMeetings);
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
