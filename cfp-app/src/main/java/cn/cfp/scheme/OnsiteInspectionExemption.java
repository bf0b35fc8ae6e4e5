package cn.cfp.scheme;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Conditions under which the on-site inspection may be waived at acceptance [R-APP-5; 003 ¶30]:
 * same producer and factory, same product type, and a product of that type passed an on-site
 * inspection or surveillance by this body within {@code previousInspectionWithinMonths} before the application.
 * A granted waiver takes {@code waives} out of the case's route.
 */
public record OnsiteInspectionExemption(Boolean sameFactoryRequired, Boolean sameProductTypeRequired,
                                        Integer previousInspectionWithinMonths, LocalizedText description,
                                        Stage waives) implements Summarizable {
    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (Boolean.TRUE.equals(sameFactoryRequired)) {
            j.add(Texts.pick(locale, "同一生产者的同一工厂", "same producer and factory"));
        }
        if (Boolean.TRUE.equals(sameProductTypeRequired)) {
            j.add(Texts.pick(locale, "同类型产品", "same product type"));
        }
        if (previousInspectionWithinMonths != null) {
            j.add(Texts.pick(locale, "申请前 " + previousInspectionWithinMonths + " 个月内通过本机构现场检查或监督检查",
                    "passed this body's on-site inspection or surveillance within " + previousInspectionWithinMonths + " months before the application"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
