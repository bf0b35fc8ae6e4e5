package cn.cfp.cases;

/** A member of the case's team with the team role the planning gave them (leader, inspector, verifier, expert …). */
public record TeamMember(long userId, String role) {
}
