package cn.cfp.scheme;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Team composition rules [R-PLAN-2, R-PER-3]. {@code null} fields are not stated by the scheme.
 *
 * @param technicalExpertMayVerify      false: a technical expert does not act as verifier [001 §9.3.2]
 * @param technicalExpertTimeCounted    false: a technical expert's time does not count toward man-days [001 §9.3.2]
 * @param traineeTimeCounted            false: a trainee's time does not count [004 §9.1]
 * @param competenceAsWhole             true: competence is judged for the team as a whole [004 §4.5]
 */
public record TeamPolicy(Integer minMembers, Integer minFullTime, boolean leaderRequired,
                         List<QualificationRequirement> qualifications, Boolean technicalExpertAllowed,
                         Boolean technicalExpertMayVerify, Boolean technicalExpertTimeCounted,
                         Boolean traineesAllowed, Boolean traineeTimeCounted, boolean competenceAsWhole,
                         LocalizedText description) implements Summarizable {

    public TeamPolicy {
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
    }

    @Override
    public String summary(Locale locale) {
        StringJoiner j = new StringJoiner("; ");
        if (minMembers != null) {
            j.add(Texts.pick(locale, "≥ " + minMembers + " 人", "≥ " + minMembers + " members"));
        }
        if (minFullTime != null) {
            j.add(Texts.pick(locale, "≥ " + minFullTime + " 名专职", "≥ " + minFullTime + " full-time"));
        }
        if (leaderRequired) {
            j.add(Texts.pick(locale, "指定组长", "a leader"));
        }
        qualifications.forEach(q -> j.add(q.summary(locale)));
        if (Boolean.FALSE.equals(technicalExpertMayVerify)) {
            j.add(Texts.pick(locale, "技术专家不作为核查员", "technical expert not a verifier"));
        }
        if (Boolean.FALSE.equals(technicalExpertTimeCounted)) {
            j.add(Texts.pick(locale, "技术专家时间不计入", "technical expert time not counted"));
        }
        if (Boolean.FALSE.equals(traineeTimeCounted)) {
            j.add(Texts.pick(locale, "实习核查员在指导下参与、不计时间", "trainees under supervision, time not counted"));
        }
        if (competenceAsWhole) {
            j.add(Texts.pick(locale, "能力按整体评价", "competence of the team as a whole"));
        }
        Texts.add(j, Texts.text(description, locale));
        return j.toString();
    }
}
