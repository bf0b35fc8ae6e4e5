package cn.cfp.planning;

import cn.cfp.personnel.StaffProfile;
import java.util.Objects;

/** A person proposed for a team, with the role they would have. */
public record ProposedMember(StaffProfile profile, TeamRole role) {
    public ProposedMember {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(role, "role");
    }
}
