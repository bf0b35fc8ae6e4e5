package cn.cfp.planning;

/** A proposed member as a request gives it: the user id and the team role. */
public record MemberInput(long userId, TeamRole role) {
}
