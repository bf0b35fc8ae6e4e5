package cn.cfp.scheme;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A rule every counted team member in one of {@code roles} must meet (a per-person qualification, corrections B-3):
 * hold any of {@code anyOf} (empty: no qualification asked) and have at least {@code minExperienceYears} of work
 * experience (null: not asked). E.g. 000 §3.2 every inspector registered; 002 Table 2; 003 §5.2.4; 004 §4.2.
 *
 * @param roles team roles the rule covers, by name ({@code LEADER}, {@code INSPECTOR}, {@code VERIFIER})
 * @param cite  the clause, shown with a refusal
 */
public record MemberRequirement(Set<String> roles, Set<Qualification> anyOf, Integer minExperienceYears, String cite)
        implements Summarizable {

    /** The team roles a member requirement may name (the counted roles of planning's TeamRole). */
    public static final Set<String> ROLES = Set.of("LEADER", "INSPECTOR", "VERIFIER");

    public MemberRequirement {
        roles = Set.copyOf(roles);
        anyOf = anyOf == null ? Set.of() : Set.copyOf(anyOf);
    }

    public boolean covers(String role) {
        return roles.contains(role);
    }

    @Override
    public String summary(Locale locale) {
        String who = roles.stream().sorted().map(r -> roleLabel(r, locale)).collect(Collectors.joining(Texts.pick(locale, "、", "/")));
        String q = anyOf.stream().sorted().map(x -> x.label(locale)).collect(Collectors.joining(Texts.pick(locale, "或", " or ")));
        String years = minExperienceYears == null ? "" : Texts.pick(locale, "，≥ " + minExperienceYears + " 年工作经验",
                ", ≥ " + minExperienceYears + " years' experience");
        return Texts.pick(locale, "每名" + who + "：" + q + years, "every " + who + ": " + q + years)
                + (cite == null ? "" : " [" + cite + "]");
    }

    static String roleLabel(String role, Locale locale) {
        return switch (role) {
            case "LEADER" -> Texts.pick(locale, "组长", "leader");
            case "INSPECTOR" -> Texts.pick(locale, "检查员", "inspector");
            case "VERIFIER" -> Texts.pick(locale, "核查员", "verifier");
            default -> role;
        };
    }
}
