package cn.cfp.planning;

import cn.cfp.personnel.CompetenceLevel;
import cn.cfp.personnel.ConflictDeclaration;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.scheme.Cited;
import cn.cfp.scheme.Independence;
import cn.cfp.scheme.IndependenceRequirement;
import cn.cfp.scheme.IndependenceRule;
import cn.cfp.scheme.LocalizedText;
import cn.cfp.scheme.MemberRequirement;
import cn.cfp.scheme.Qualification;
import cn.cfp.scheme.QualificationRequirement;
import cn.cfp.scheme.TeamPolicy;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Verdict;
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

    public static Verdict evaluate(Cited<TeamPolicy> policy, Cited<Independence> independence,
                                   List<ProposedMember> members, Collection<Long> clientOrgIds, String field) {
        TeamPolicy p = policy == null ? null : policy.value();
        String cite = policy != null && policy.cite() != null ? policy.cite() : BASE_CITE;
        String f = field == null || field.isBlank() ? null : field.strip().toUpperCase(Locale.ROOT);
        List<Reason> reasons = new ArrayList<>();
        List<Reason> notes = new ArrayList<>();

        if (members == null || members.isEmpty()) {
            return Verdict.refuse(Reason.of("planning.team.empty", BASE_CITE));
        }
        Set<Long> seen = new HashSet<>();
        for (ProposedMember m : members) {
            if (!seen.add(m.profile().userId())) {
                reasons.add(Reason.of("planning.team.twice", m.profile().name()).at(field(m)));
            }
        }
        // R-PER-2: a declared conflict makes a person unassignable to that client's work.
        String conflictCite = conflictCite(independence);
        Set<Long> clients = clientOrgIds == null ? Set.of() : Set.copyOf(clientOrgIds);
        for (ProposedMember m : members) {
            for (ConflictDeclaration c : m.profile().conflictsWith(clients)) {
                reasons.add((c.note() == null
                        ? Reason.of("planning.team.conflict", m.profile().name(), c.clientOrgId(), conflictCite)
                        : Reason.of("planning.team.conflictNoted", m.profile().name(), c.clientOrgId(), c.note(), conflictCite))
                        .at(field(m)));
            }
            if (!m.profile().confidentialityOnFile()) {
                reasons.add(Reason.of("planning.team.noConfidentiality", m.profile().name(), BASE_CITE).at(field(m)));
            }
        }
        List<ProposedMember> counted = members.stream().filter(m -> m.role().counted()).toList();
        if (counted.isEmpty()) {
            reasons.add(Reason.of("planning.team.noneCounted", BASE_CITE));
        }
        long leaders = members.stream().filter(m -> m.role() == TeamRole.LEADER).count();
        if (leaders > 1) {
            reasons.add(Reason.of("planning.team.leaders", leaders));
        }
        if (p != null) {
            if (p.minMembers() != null && counted.size() < p.minMembers()) {
                reasons.add(Reason.of("planning.team.minMembers", p.minMembers(), counted.size(), cite));
            }
            long fullTime = counted.stream().filter(m -> m.profile().fullTime()).count();
            if (p.minFullTime() != null && fullTime < p.minFullTime()) {
                reasons.add(Reason.of("planning.team.minFullTime", p.minFullTime(), fullTime, cite));
            }
            if (p.leaderRequired() && leaders == 0) {
                reasons.add(Reason.of("planning.team.leaderRequired", cite));
            }
            boolean needsField = p.competenceAsWhole()
                    || p.qualifications().stream().anyMatch(q -> q.ofField() || q.anyOf().contains(Qualification.FIELD_EXPERT));
            if (needsField && f == null) {
                reasons.add(Reason.of("planning.team.fieldRequired", cite).at("field"));
            }
            for (QualificationRequirement q : p.qualifications()) {
                long holders = counted.stream().filter(m -> satisfies(m.profile(), q, f)).count();
                if (holders < q.min()) {
                    reasons.add(q.ofField() || q.anyOf().contains(Qualification.FIELD_EXPERT)
                            ? Reason.of("planning.team.qualificationOfField", q.min(), holdersOf(q), f, holders, cite)
                            : Reason.of("planning.team.qualification", q.min(), holdersOf(q), holders, cite));
                }
            }
            // per-person rules: every counted member of the named roles [corrections B-3; e.g. 000 §3.2, 003 §5.2.4]
            for (MemberRequirement r : p.everyMember()) {
                for (ProposedMember m : counted) {
                    if (!r.covers(m.role().name())) {
                        continue;
                    }
                    if (!r.anyOf().isEmpty() && r.anyOf().stream().noneMatch(m.profile()::holds)) {
                        reasons.add(Reason.of("planning.team.memberQualification", m.profile().name(), m.role(),
                                LocalizedText.of(qualificationList(r, Locale.SIMPLIFIED_CHINESE), qualificationList(r, Locale.ENGLISH)),
                                r.cite()).at(field(m)));
                    }
                    if (r.minExperienceYears() != null && m.profile().experienceYears() < r.minExperienceYears()) {
                        reasons.add(Reason.of("planning.team.memberExperience", m.profile().name(), m.role(),
                                r.minExperienceYears(), m.profile().experienceYears(), r.cite()).at(field(m)));
                    }
                }
            }
            if (p.competenceAsWhole() && f != null
                    && counted.stream().noneMatch(m -> m.profile().competentIn(f, CompetenceLevel.PROFICIENT))) {
                reasons.add(Reason.of("planning.team.wholeTeamField", f, cite));
            }
            for (ProposedMember m : members) {
                if (m.role() == TeamRole.TECHNICAL_EXPERT && Boolean.FALSE.equals(p.technicalExpertAllowed())) {
                    reasons.add(Reason.of("planning.team.noTechnicalExperts", m.profile().name(), cite).at(field(m)));
                }
                if (m.role() == TeamRole.TRAINEE && Boolean.FALSE.equals(p.traineesAllowed())) {
                    reasons.add(Reason.of("planning.team.noTrainees", m.profile().name(), cite).at(field(m)));
                }
                if (m.role().counted() && Boolean.FALSE.equals(p.technicalExpertMayVerify()) && m.profile().technicalExpertOnly()) {
                    reasons.add(Reason.of("planning.team.expertMayNotVerify", m.profile().name(), m.role(), cite).at(field(m)));
                }
            }
            if (Boolean.FALSE.equals(p.technicalExpertTimeCounted()) && members.stream().anyMatch(m -> m.role() == TeamRole.TECHNICAL_EXPERT)) {
                notes.add(Reason.of("planning.team.expertTimeNotCounted", cite));
            }
            if (Boolean.FALSE.equals(p.traineeTimeCounted()) && members.stream().anyMatch(m -> m.role() == TeamRole.TRAINEE)) {
                notes.add(Reason.of("planning.team.traineeTimeNotCounted", cite));
            }
        }
        return reasons.isEmpty() ? Verdict.allow(notes) : Verdict.of(reasons);
    }

    private static String qualificationList(MemberRequirement r, Locale locale) {
        return r.anyOf().stream().sorted().map(q -> q.label(locale))
                .collect(Collectors.joining(locale.getLanguage().equals("en") ? " or " : "或"));
    }

    /** The form field of a member: the role select {@code role_<userId>}. */
    static String field(ProposedMember m) {
        return "role_" + m.profile().userId();
    }

    /** Who a qualification requirement asks for, without its count ("full-time CCAA-registered inspector"). */
    private static LocalizedText holdersOf(QualificationRequirement q) {
        return LocalizedText.of(q.summary(Locale.SIMPLIFIED_CHINESE).replaceFirst("^≥ \\d+ 名", ""),
                q.summary(Locale.ENGLISH).replaceFirst("^≥ \\d+ ", ""));
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
