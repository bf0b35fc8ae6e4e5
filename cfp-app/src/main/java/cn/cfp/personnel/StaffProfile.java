package cn.cfp.personnel;

import cn.cfp.access.Role;
import cn.cfp.scheme.Qualification;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A staff member as the registry knows them (R-PER-1, R-PER-2).
 *
 * @param roles                   the user's system roles (from access), e.g. to tell a technical expert from a verifier
 * @param ccaaRegistrationNo      CCAA registration number; required when {@link Qualification#CCAA_REGISTERED} is held
 * @param confidentialitySignedOn date the confidentiality agreement was signed; null = none on file
 */
public record StaffProfile(long userId, String username, String displayName, Set<Role> roles, boolean fullTime,
                           Set<Qualification> qualifications, String ccaaRegistrationNo, List<FieldCompetence> fields,
                           int experienceYears, LocalDate confidentialitySignedOn, List<ConflictDeclaration> conflicts) {

    public StaffProfile {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        qualifications = qualifications == null || qualifications.isEmpty() ? Set.of() : Set.copyOf(qualifications);
        fields = fields == null ? List.of() : List.copyOf(fields);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    public boolean holds(Qualification q) {
        return qualifications.contains(q);
    }

    /** The competence level in a field, if any. */
    public Optional<CompetenceLevel> level(String field) {
        if (field == null) {
            return Optional.empty();
        }
        String f = field.strip().toUpperCase(java.util.Locale.ROOT);
        return fields.stream().filter(c -> c.field().equals(f)).map(FieldCompetence::level).findFirst();
    }

    public boolean competentIn(String field, CompetenceLevel atLeast) {
        return level(field).map(l -> l.atLeast(atLeast)).orElse(false);
    }

    public boolean confidentialityOnFile() {
        return confidentialitySignedOn != null;
    }

    /** The conflicts declared with any of these organisations. */
    public List<ConflictDeclaration> conflictsWith(Collection<Long> organisationIds) {
        return conflicts.stream().filter(c -> c.conflicted() && organisationIds.contains(c.clientOrgId())).toList();
    }

    /** A technical expert who is not also an inspector or verifier (R-PER-3, 001 §9.3.2). */
    public boolean technicalExpertOnly() {
        return roles.contains(Role.TECHNICAL_EXPERT) && !roles.contains(Role.INSPECTOR) && !roles.contains(Role.VERIFIER);
    }

    public String name() {
        return displayName != null ? displayName : username;
    }

    static Set<Qualification> none() {
        return EnumSet.noneOf(Qualification.class);
    }
}
