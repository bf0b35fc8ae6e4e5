package cn.cfp.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspection scheme (检查方案) [000 §7.3.1; 001 §9.3.1] (R-PLAN-1): purpose, scope (certification units, product
 * types, system boundary, functional/declared unit, data time boundary), basis, on-site inspection requirements
 * (assurance capability and product consistency), PCF verification requirements, schedule with the visit date.
 * The team is the plan's team.
 */
public record InspectionScheme(String purpose, String units, String productTypes, String systemBoundary,
                               String functionalUnit, LocalDate dataPeriodFrom, LocalDate dataPeriodTo, String basis,
                               String onSiteRequirements, String verificationRequirements, String schedule,
                               LocalDate visitDate) {

    public static final String CITE = "000 §7.3.1";
    static final int MAX = 4000;

    /** What is missing or wrong, bilingual; empty when complete. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        required(p, purpose, "the purpose", "认证目的");
        required(p, units, "the certification units in scope", "范围：认证单元");
        required(p, productTypes, "the product types in scope", "范围：产品种类");
        required(p, systemBoundary, "the system boundary", "范围：系统边界");
        required(p, functionalUnit, "the functional/declared unit", "范围：功能单位/声明单位");
        required(p, basis, "the basis (standards, PCR, rules)", "依据");
        required(p, onSiteRequirements, "the on-site inspection requirements", "现场检查要求");
        required(p, verificationRequirements, "the PCF verification requirements", "产品碳足迹核查要求");
        required(p, schedule, "the schedule", "进度安排");
        if (dataPeriodFrom == null || dataPeriodTo == null) {
            p.add("Give the data time boundary (from and to) / 请填写数据时间边界（起止日期） [" + CITE + "]");
        } else if (dataPeriodFrom.isAfter(dataPeriodTo)) {
            p.add("The data period starts " + dataPeriodFrom + " after it ends " + dataPeriodTo + " / 数据时间边界起始日期晚于结束日期");
        }
        if (visitDate == null) {
            p.add("Give the on-site visit date / 请填写现场检查（核查）日期 [" + CITE + "]");
        }
        for (String s : new String[] {purpose, units, productTypes, systemBoundary, functionalUnit, basis, onSiteRequirements,
                verificationRequirements, schedule}) {
            if (s != null && s.length() > MAX) {
                p.add("A text has more than " + MAX + " characters / 文本超过 " + MAX + " 字");
                break;
            }
        }
        return p;
    }

    static void required(List<String> p, String value, String en, String zh) {
        if (value == null || value.isBlank()) {
            p.add("Give " + en + " / 请填写" + zh + " [" + CITE + "]");
        }
    }
}
