package cn.cfp.access;

import java.util.EnumSet;
import java.util.Set;

/** Roles of the requirements digest ("Who uses the system"). */
public enum Role {
    ADMIN, PROJECT_MANAGER, INSPECTOR, VERIFIER, TECHNICAL_EXPERT, REVIEWER, DECISION_MAKER,
    PREPARER, COMPETENCE_EVALUATOR, SCHEME_MANAGER, ARCHIVIST, REGULATOR, CLIENT;

    /** Certification-body staff: everybody except client users and the regulator. */
    public static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(CLIENT, REGULATOR));

    public boolean isStaff() {
        return STAFF.contains(this);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
