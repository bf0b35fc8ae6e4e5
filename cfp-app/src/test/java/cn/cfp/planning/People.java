package cn.cfp.planning;

import cn.cfp.access.Role;
import cn.cfp.personnel.CompetenceLevel;
import cn.cfp.personnel.ConflictDeclaration;
import cn.cfp.personnel.FieldCompetence;
import cn.cfp.personnel.StaffProfile;
import cn.cfp.scheme.Qualification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds staff profiles for the pure policy tests. */
final class People {

    static final long CLIENT = 500L;
    private static long next = 1;

    private long id = next++;
    private String name;
    private Set<Role> roles = EnumSet.of(Role.INSPECTOR);
    private boolean fullTime = true;
    private final Set<Qualification> qs = EnumSet.noneOf(Qualification.class);
    private final List<FieldCompetence> fields = new ArrayList<>();
    private LocalDate confidentiality = LocalDate.of(2025, 1, 1);
    private final List<ConflictDeclaration> conflicts = new ArrayList<>();

    private People(String name) {
        this.name = name;
    }

    static People person(String name) {
        return new People(name);
    }

    People partTime() {
        fullTime = false;
        return this;
    }

    People roles(Role... r) {
        roles = EnumSet.of(r[0], r);
        return this;
    }

    People holds(Qualification... q) {
        qs.addAll(List.of(q));
        return this;
    }

    People field(String f, CompetenceLevel level) {
        fields.add(new FieldCompetence(f, level, true, level != CompetenceLevel.AWARE, level == CompetenceLevel.EXPERT ? 3 : 0));
        return this;
    }

    People noConfidentiality() {
        confidentiality = null;
        return this;
    }

    private int years = 5;

    People years(int y) {
        years = y;
        return this;
    }

    People conflictWith(long org) {
        conflicts.add(new ConflictDeclaration(org, true, "前雇主", LocalDate.of(2026, 1, 5)));
        return this;
    }

    StaffProfile profile() {
        return new StaffProfile(id, name, name, roles, fullTime, qs, qs.contains(Qualification.CCAA_REGISTERED) ? "CCAA-" + id : null,
                fields, years, confidentiality, conflicts);
    }

    ProposedMember as(TeamRole role) {
        return new ProposedMember(profile(), role);
    }
}
