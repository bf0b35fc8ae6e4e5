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
 * @param everyMember                   per-person rules every counted member of the named roles must meet [corrections B-3]
 * @param fields                        the fields of competence the scheme's teams are judged in beyond its product
 *                                      classes' own (e.g. CNEX {@code EXPLOSION_PROOF}, CEC {@code FURNITURE}); offered on
 *                                      the competence editor and the team form
 */
public record TeamPolicy(Integer minMembers, Integer minFullTime, boolean leaderRequired,
                         List<QualificationRequirement> qualifications, Boolean technicalExpertAllowed,
                         Boolean technicalExpertMayVerify, Boolean technicalExpertTimeCounted,
                         Boolean traineesAllowed, Boolean traineeTimeCounted, boolean competenceAsWhole,
                         LocalizedText description, List<MemberRequirement> everyMember,
                         List<CompetenceField> fields) implements Summarizable {

    public TeamPolicy {
        qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
        everyMember = everyMember == null ? List.of() : List.copyOf(everyMember);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /**
     * The national team rules and a body's own, both applied [decision D1; 000 §7.3.2 plus e.g. 003 ¶33]: the larger
     * minimum, every qualification and per-person rule of either, a flag the body states over the base's.
     */
    public static TeamPolicy both(TeamPolicy base, TeamPolicy body) {
        java.util.List<QualificationRequirement> qs = new java.util.ArrayList<>(base.qualifications());
        body.qualifications().stream().filter(q -> !qs.contains(q)).forEach(qs::add);
        java.util.List<MemberRequirement> every = new java.util.ArrayList<>(base.everyMember());
        body.everyMember().stream().filter(m -> !every.contains(m)).forEach(every::add);
        java.util.List<CompetenceField> fields = new java.util.ArrayList<>(base.fields());
        body.fields().stream().filter(f -> fields.stream().noneMatch(x -> x.code().equals(f.code()))).forEach(fields::add);
        return new TeamPolicy(max(base.minMembers(), body.minMembers()), max(base.minFullTime(), body.minFullTime()),
                base.leaderRequired() || body.leaderRequired(), qs,
                or(body.technicalExpertAllowed(), base.technicalExpertAllowed()),
                or(body.technicalExpertMayVerify(), base.technicalExpertMayVerify()),
                or(body.technicalExpertTimeCounted(), base.technicalExpertTimeCounted()),
                or(body.traineesAllowed(), base.traineesAllowed()), or(body.traineeTimeCounted(), base.traineeTimeCounted()),
                base.competenceAsWhole() || body.competenceAsWhole(),
                body.description() != null ? body.description() : base.description(), every, fields);
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static Boolean or(Boolean preferred, Boolean fallback) {
        return preferred != null ? preferred : fallback;
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
        everyMember.forEach(m -> j.add(m.summary(locale)));
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
