package cn.cfp.review;

import cn.cfp.cases.CertificationCase;
import cn.cfp.cases.TeamMember;
import java.util.List;

/** What the independence policies need to know of a case: its reference, its team and its project manager. */
public record CaseParts(String reference, List<TeamMember> team, long managerUserId) {

    public CaseParts {
        team = List.copyOf(team);
    }

    public static CaseParts of(CertificationCase c) {
        return new CaseParts(c.reference(), c.team(), c.managerUserId());
    }
}
