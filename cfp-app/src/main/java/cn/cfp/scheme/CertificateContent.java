package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What a scheme's certificate says beyond 000 Annex 3's 18 items [R-CERT-1, R-CERT-3; back-half §5.1–5.2], and which
 * fields the checker ticks before issue.
 *
 * @param title                the certificate's title (000 Ann. 3 item 1)
 * @param conformity           the conformity sentence, whole (000 Ann. 3 item 13: the rule names filled in)
 * @param basis                the certification basis prefilled in the draft (000 §4: set by the product rule; the preparer
 *                             may edit it)
 * @param additions            the scheme's additions to Annex 3, printed after item 17 in this order
 * @param checkedFields        the fields a reviewer or decision maker who is not the preparer ticks, each one, before issue
 *                             (CNEX a–o [001 §9.9]; otherwise Annex 3's list)
 * @param preparerMayNotDecide the certificate preparer may not be the decider or a reviewer of the case (CNEX 001 §9.9)
 * @param productCodeRequired  the draft must name the CNCA product code (national CFP label numbers [000 Ann. 4])
 */
public record CertificateContent(LocalizedText title, LocalizedText conformity, LocalizedText basis, List<Addition> additions,
                                 List<Step> checkedFields, boolean preparerMayNotDecide, boolean productCodeRequired)
        implements Summarizable {

    /** A scheme's addition to 000 Annex 3 (back-half §5.2). */
    public enum Addition {
        /** CNEX l: 产品各阶段碳排放比例 — the stage shares of the verified result. */
        STAGE_SHARES,
        /** CNEX m: 初次发证日期. */
        FIRST_ISSUE_DATE,
        /** CGC: the product's 商标. */
        TRADEMARK,
        /** CGC: 核查保证等级. */
        ASSURANCE_LEVEL,
        /** CGC: 监督情况 during validity (where applicable). */
        SURVEILLANCE_RECORD,
        /** CEC g: 报告期. */
        REPORT_PERIOD
    }

    public CertificateContent {
        additions = additions == null ? List.of() : List.copyOf(additions);
        checkedFields = checkedFields == null ? List.of() : List.copyOf(checkedFields);
        if (Set.copyOf(additions).size() != additions.size()) {
            throw new IllegalArgumentException("certificateContent.additions lists an addition twice: " + additions);
        }
    }

    public boolean adds(Addition a) {
        return additions.contains(a);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        j.add(title.in(locale));
        if (!additions.isEmpty()) {
            j.add(Texts.pick(locale, "附加内容：", "additions: ") + additions);
        }
        j.add(Texts.pick(locale, "签发前复核 " + checkedFields.size() + " 项", checkedFields.size() + " fields checked before issue"));
        if (preparerMayNotDecide) {
            j.add(Texts.pick(locale, "证书编制人员不得参与决定", "the certificate preparer may not take part in the decision"));
        }
        return j.toString();
    }
}
