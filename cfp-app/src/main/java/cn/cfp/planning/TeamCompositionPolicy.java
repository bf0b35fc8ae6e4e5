package cn.cfp.planning;

import cn.cfp.personnel.CompetenceLevel;
import cn.cfp.personnel.ConflictDeclaration;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.Independence;
import cn.cfp.scheme.IndependenceRequirement;
import cn.cfp.scheme.IndependenceRule;
import cn.cfp.scheme.Qualification;
import cn.cfp.scheme.QualificationRequirement;
import cn.cfp.scheme.TeamPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Team composition (R-PLAN-2, R-PER-2, R-PER-3) as a named policy: every rule is checked and every failure listed.
 * The scheme's {@link TeamPolicy} supplies the numbers; the rules that hold for every scheme are:
 * <ul>
 *   <li>nobody with a declared conflict of interest with the client (applicant, manufacturer or factory) [R-PER-2;
 *       000 §7.3.2 or the scheme's own NO_CONFLICT_OF_INTEREST clause];</li>
 *   <li>a confidentiality agreement on file for every member [000 §7.3.2 "严格遵守相关保密规定"];</li>
 *   <li>at least one counted member (leader, inspector, verifier), each person once, at most one leader.</li>
 * </ul>
 * Technical experts and trainees support the team: they never count toward the minimum size, the full-time minimum
 * or a qualification requirement (000 §7.3.2 counts 检查员; 001 §9.3.2; 004 §9.1).
 * A qualification "of the field" needs at least 了解 in the product field; {@link Qualification#FIELD_EXPERT}
 * ("具备相应领域产品碳足迹量化的专业知识") is held by a member with at least 掌握 in the field [003 ¶12].
 */
public final class TeamCompositionPolicy {

    /** Base clause for the rules every scheme inherits (conflict of interest, confidentiality, team of inspectors). */
    public static final String BASE_CITE = "000 §7.3.2";

    private TeamCompositionPolicy() {
    }

    public static TeamVerdict evaluate(Cited<TeamPolicy> policy, Cited<Independence> independence,
                                       List<ProposedMember> members, Collection<Long> clientOrgIds, String field) {
        TeamPolicy p = policy == null ? null : policy.value();
        String cite = policy != null && policy.cite() != null ? policy.cite() : BASE_CITE;
        String f = field == null || field.isBlank() ? null : field.strip().toUpperCase(Locale.ROOT);
        List<String> reasons = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        if (members == null || members.isEmpty()) {
            return new TeamVerdict.Refused(List.of("Propose at least one team member / 请至少指派一名检查组成员 [" + BASE_CITE + "]"));
        }
        Set<Long> seen = new HashSet<>();
        for (ProposedMember m : members) {
            if (!seen.add(m.profile().userId())) {
                reasons.add(m.profile().name() + " is listed more than once: each person has one role in the team / "
                        + m.profile().name() + " 在检查组中重复出现，每人只能担任一个角色");
            }
        }
        // R-PER-2: a declared conflict makes a person unassignable to that client's work.
        String conflictCite = conflictCite(independence);
        Set<Long> clients = clientOrgIds == null ? Set.of() : Set.copyOf(clientOrgIds);
        for (ProposedMember m : members) {
            for (ConflictDeclaration c : m.profile().conflictsWith(clients)) {
                reasons.add(m.profile().name() + " declared a conflict of interest with client organisation " + c.clientOrgId()
                        + (c.note() == null ? "" : " (" + c.note() + ")") + " and can never be assigned to its work / "
                        + m.profile().name() + " 已声明与该委托方（组织 " + c.clientOrgId() + "）存在利益冲突，不得参与其认证工作 ["
                        + conflictCite + "; R-PER-2]");
            }
            if (!m.profile().confidentialityOnFile()) {
                reasons.add(m.profile().name() + " has no confidentiality agreement on file / " + m.profile().name()
                        + " 未签署保密协议（无存档） [" + BASE_CITE + "]");
            }
        }
        List<ProposedMember> counted = members.stream().filter(m -> m.role().counted()).toList();
        if (counted.isEmpty()) {
            reasons.add("The team needs at least one leader, inspector or verifier; technical experts and trainees only support / "
                    + "检查组至少需要一名组长、检查员或核查员；技术专家和实习人员不能单独组成检查组 [" + BASE_CITE + "]");
        }
        long leaders = members.stream().filter(m -> m.role() == TeamRole.LEADER).count();
        if (leaders > 1) {
            reasons.add("A team has one leader, " + leaders + " were proposed / 检查组只能有一名组长，现指定了 " + leaders + " 名");
        }
        if (p != null) {
            if (p.minMembers() != null && counted.size() < p.minMembers()) {
                reasons.add("The team needs at least " + p.minMembers() + " inspectors/verifiers, has " + counted.size()
                        + " (technical experts and trainees are not counted) / 检查组至少由 " + p.minMembers() + " 名检（核）查员组成，现为 "
                        + counted.size() + " 名（技术专家、实习人员不计） [" + cite + "]");
            }
            long fullTime = counted.stream().filter(m -> m.profile().fullTime()).count();
            if (p.minFullTime() != null && fullTime < p.minFullTime()) {
                reasons.add("At least " + p.minFullTime() + " member(s) must be full-time, the team has " + fullTime
                        + " / 至少 " + p.minFullTime() + " 名成员应为专职人员，现为 " + fullTime + " 名 [" + cite + "]");
            }
            if (p.leaderRequired() && leaders == 0) {
                reasons.add("Name a team leader / 须指定检查组组长 [" + cite + "]");
            }
            boolean needsField = p.competenceAsWhole()
                    || p.qualifications().stream().anyMatch(q -> q.ofField() || q.anyOf().contains(Qualification.FIELD_EXPERT));
            if (needsField && f == null) {
                reasons.add("State the product field (e.g. PV13) so the team's field competence can be checked / "
                        + "请填写产品领域（如 PV13），以便核对检查组的领域能力 [" + cite + "]");
            }
            for (QualificationRequirement q : p.qualifications()) {
                long holders = counted.stream().filter(m -> satisfies(m.profile(), q, f)).count();
                if (holders < q.min()) {
                    reasons.add("The team needs at least " + q.min() + " " + q.summary(Locale.ENGLISH).replaceFirst("^≥ \\d+ ", "")
                            + (q.ofField() || q.anyOf().contains(Qualification.FIELD_EXPERT) ? " (field " + f + ")" : "")
                            + ", has " + holders + " / 检查组须有 " + q.summary(Locale.CHINA).replaceFirst("^≥ ", "至少 ")
                            + (q.ofField() || q.anyOf().contains(Qualification.FIELD_EXPERT) ? "（领域 " + f + "）" : "")
                            + "，现有 " + holders + " 名 [" + cite + "]");
                }
            }
            if (p.competenceAsWhole() && f != null
                    && counted.stream().noneMatch(m -> m.profile().competentIn(f, CompetenceLevel.PROFICIENT))) {
                reasons.add("Judged as a whole, the team has nobody with at least 掌握 (proficient) competence in field " + f
                        + " / 检查组整体不具备领域 " + f + " 的能力（无人达到“掌握”） [" + cite + "]");
            }
            for (ProposedMember m : members) {
                if (m.role() == TeamRole.TECHNICAL_EXPERT && Boolean.FALSE.equals(p.technicalExpertAllowed())) {
                    reasons.add("This scheme does not provide for technical experts in the team: " + m.profile().name()
                            + " / 本方案未规定配备技术专家 [" + cite + "]");
                }
                if (m.role() == TeamRole.TRAINEE && Boolean.FALSE.equals(p.traineesAllowed())) {
                    reasons.add("This scheme does not provide for trainees in the team: " + m.profile().name()
                            + " / 本方案未规定实习人员参与 [" + cite + "]");
                }
                if (m.role().counted() && Boolean.FALSE.equals(p.technicalExpertMayVerify()) && m.profile().technicalExpertOnly()) {
                    reasons.add(m.profile().name() + " is a technical expert and may not act as " + m.role().en()
                            + "; give them the technical-expert role / " + m.profile().name() + " 是技术专家，不得作为"
                            + m.role().zh() + "承担核查工作 [" + cite + "; R-PER-3]");
                }
            }
            if (Boolean.FALSE.equals(p.technicalExpertTimeCounted()) && members.stream().anyMatch(m -> m.role() == TeamRole.TECHNICAL_EXPERT)) {
                notes.add("A technical expert's time does not count toward man-days / 技术专家的时间不计入人日数 [" + cite + "]");
            }
            if (Boolean.FALSE.equals(p.traineeTimeCounted()) && members.stream().anyMatch(m -> m.role() == TeamRole.TRAINEE)) {
                notes.add("Trainees work under supervision and their time is not counted / 实习人员在指导下参与，时间不计入 [" + cite + "]");
            }
        }
        return reasons.isEmpty() ? new TeamVerdict.Allowed(notes) : new TeamVerdict.Refused(reasons);
    }

    /** Whether a member counts toward a qualification requirement for the product field. */
    static boolean satisfies(StaffProfile profile, QualificationRequirement q, String field) {
        if (q.fullTime() && !profile.fullTime()) {
            return false;
        }
        if (q.ofField() && (field == null || !profile.competentIn(field, CompetenceLevel.AWARE))) {
            return false;
        }
        return q.anyOf().stream().anyMatch(x -> x == Qualification.FIELD_EXPERT
                ? field != null && profile.competentIn(field, CompetenceLevel.PROFICIENT)
                : profile.holds(x));
    }

    private static String conflictCite(Cited<Independence> independence) {
        if (independence != null && independence.value() != null) {
            String c = independence.value().rules().stream().filter(r -> r.rule() == IndependenceRule.NO_CONFLICT_OF_INTEREST)
                    .map(IndependenceRequirement::cite).filter(x -> x != null).collect(Collectors.joining("; "));
            if (!c.isEmpty()) {
                return c;
            }
        }
        return BASE_CITE;
    }
}
