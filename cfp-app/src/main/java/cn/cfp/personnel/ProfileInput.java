package cn.cfp.personnel;

import cn.cfp.scheme.Qualification;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What an admin or competence evaluator records for a staff member (R-PER-1). */
public record ProfileInput(boolean fullTime, Set<Qualification> qualifications, String ccaaRegistrationNo,
                           List<FieldCompetence> fields, Integer experienceYears, LocalDate confidentialitySignedOn) {

    public ProfileInput {
        qualifications = qualifications == null ? Set.of() : Set.copyOf(qualifications);
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
