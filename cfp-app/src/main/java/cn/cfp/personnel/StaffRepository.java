package cn.cfp.personnel;

import cn.cfp.scheme.Qualification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff profiles with their qualifications, fields of competence and conflict declarations as stored. Profiles are read
 * in batches: four queries for any number of people, never a query per person.
 */
@Repository
class StaffRepository {

    /** What is stored about one person (their name and roles come from the user directory). */
    record Stored(boolean fullTime, int experienceYears, String ccaaRegistrationNo, LocalDate confidentialitySignedOn,
                  Set<Qualification> qualifications, List<FieldCompetence> fields, List<ConflictDeclaration> conflicts) {
    }

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user declared a conflict with any of the organisations: one query (asked on every request about a case). */
    boolean conflicted(long userId, java.util.Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("SELECT COUNT(*) FROM staff_conflict WHERE user_id = :u AND client_org_id IN (:o) AND conflicted = TRUE")
                .param("u", userId).param("o", organisationIds).query(Long.class).single() > 0;
    }

    boolean exists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_profile WHERE user_id = :u").param("u", userId).query(Long.class).single() > 0;
    }

    /** The stored profiles of these users, by user id; users without a profile are absent. */
    Map<Long, Stored> profiles(Collection<Long> userIds) {
        Map<Long, Stored> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        Map<Long, Set<Qualification>> qualifications = new HashMap<>();
        jdbc.sql("SELECT user_id, qualification FROM staff_qualification WHERE user_id IN (:u)").param("u", userIds)
                .query(rs -> {
                    try {
                        Qualification q = Qualification.valueOf(rs.getString(2));
                        qualifications.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Qualification.class)).add(q);
                    } catch (IllegalArgumentException ignored) {
                        // a qualification the scheme module no longer knows: not counted
                    }
                });
        Map<Long, List<FieldCompetence>> fields = new HashMap<>();
        jdbc.sql("SELECT * FROM staff_field WHERE user_id IN (:u) ORDER BY field_code").param("u", userIds)
                .query(rs -> {
                    fields.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(new FieldCompetence(
                            rs.getString("field_code"), CompetenceLevel.valueOf(rs.getString("competence")),
                            rs.getBoolean("trained"), rs.getBoolean("exam_passed"), rs.getInt("project_count")));
                });
        Map<Long, List<ConflictDeclaration>> conflicts = new HashMap<>();
        jdbc.sql("SELECT * FROM staff_conflict WHERE user_id IN (:u) ORDER BY client_org_id").param("u", userIds)
                .query(rs -> {
                    conflicts.computeIfAbsent(rs.getLong("user_id"), k -> new ArrayList<>()).add(new ConflictDeclaration(
                            rs.getLong("client_org_id"), rs.getBoolean("conflicted"), rs.getString("note"),
                            rs.getObject("declared_on", LocalDate.class)));
                });
        jdbc.sql("SELECT * FROM staff_profile WHERE user_id IN (:u)").param("u", userIds)
                .query(rs -> {
                    long id = rs.getLong("user_id");
                    out.put(id, new Stored(rs.getBoolean("full_time"), rs.getInt("experience_years"),
                            rs.getString("ccaa_registration_no"), rs.getObject("confidentiality_signed_on", LocalDate.class),
                            qualifications.getOrDefault(id, Set.of()), fields.getOrDefault(id, List.of()),
                            conflicts.getOrDefault(id, List.of())));
                });
        return out;
    }

    /**
     * Writes the profile, replacing the stored one with its qualifications and fields. Throws
     * {@link org.springframework.dao.DuplicateKeyException} when {@code exists} is false but another save created the
     * profile meanwhile.
     */
    void save(long userId, boolean exists, boolean fullTime, int experienceYears, String ccaaRegistrationNo,
              LocalDate confidentialitySignedOn, Set<Qualification> qualifications, List<FieldCompetence> fields,
              String by, OffsetDateTime at) {
        if (exists) {
            jdbc.sql("""
                    UPDATE staff_profile SET full_time = :ft, experience_years = :y, ccaa_registration_no = :reg,
                      confidentiality_signed_on = :c, updated_by = :a, updated_at = :t WHERE user_id = :u""")
                    .param("ft", fullTime).param("y", experienceYears).param("reg", ccaaRegistrationNo)
                    .param("c", confidentialitySignedOn).param("a", by).param("t", at).param("u", userId).update();
            jdbc.sql("DELETE FROM staff_qualification WHERE user_id = :u").param("u", userId).update();
            jdbc.sql("DELETE FROM staff_field WHERE user_id = :u").param("u", userId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO staff_profile (user_id, full_time, experience_years, ccaa_registration_no,
                      confidentiality_signed_on, updated_by, updated_at) VALUES (:u, :ft, :y, :reg, :c, :a, :t)""")
                    .param("ft", fullTime).param("y", experienceYears).param("reg", ccaaRegistrationNo)
                    .param("c", confidentialitySignedOn).param("a", by).param("t", at).param("u", userId).update();
        }
        for (Qualification q : qualifications.isEmpty() ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(qualifications)) {
            jdbc.sql("INSERT INTO staff_qualification (user_id, qualification) VALUES (:u, :q)")
                    .param("u", userId).param("q", q.name()).update();
        }
        for (FieldCompetence f : fields) {
            jdbc.sql("""
                    INSERT INTO staff_field (user_id, field_code, competence, trained, exam_passed, project_count)
                    VALUES (:u, :f, :l, :tr, :ex, :p)""")
                    .param("u", userId).param("f", f.field()).param("l", f.level().name()).param("tr", f.trained())
                    .param("ex", f.examPassed()).param("p", f.projects()).update();
        }
    }

    /** Records the person's declaration about the client, replacing an earlier one. */
    void declare(long userId, long clientOrgId, boolean conflicted, String note, LocalDate on, String by) {
        jdbc.sql("DELETE FROM staff_conflict WHERE user_id = :u AND client_org_id = :o").param("u", userId).param("o", clientOrgId).update();
        jdbc.sql("""
                INSERT INTO staff_conflict (user_id, client_org_id, conflicted, note, declared_on, recorded_by)
                VALUES (:u, :o, :c, :n, :d, :a)""")
                .param("u", userId).param("o", clientOrgId).param("c", conflicted).param("n", note).param("d", on)
                .param("a", by).update();
    }
}
