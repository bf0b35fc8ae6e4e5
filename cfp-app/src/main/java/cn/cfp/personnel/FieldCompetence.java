package cn.cfp.personnel;

import cn.cfp.shared.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Competence in one product field (e.g. {@code PV13}, {@code FURNITURE}, {@code EXPLOSION_PROOF}) with its evidence.
 *
 * @param trained    attended the training (evidence for 了解)
 * @param examPassed passed the exam (with training: evidence for 掌握)
 * @param projects   projects done in the field, internships at the body included (≥ 3: evidence for 熟练具备)
 */
public record FieldCompetence(String field, CompetenceLevel level, boolean trained, boolean examPassed, int projects) {

    static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    public FieldCompetence {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(level, "level");
        field = field.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * What is missing for the claimed level, per the evidence rules of 003 ¶12 ({@code personnel.field.*} reasons about
     * the form's {@code fields}); empty when the level is supported.
     */
    public List<Reason> evidenceProblems() {
        List<Reason> p = new ArrayList<>();
        if (!FIELD.matcher(field).matches()) {
            p.add(Reason.of("personnel.field.codeInvalid", field).at("fields"));
        }
        if (projects < 0) {
            p.add(Reason.of("personnel.field.negativeProjects", field).at("fields"));
        }
        switch (level) {
            case AWARE -> {
                if (!trained) {
                    p.add(Reason.of("personnel.field.awareNeedsTraining", field).at("fields"));
                }
            }
            case PROFICIENT -> {
                if (!trained || !examPassed) {
                    p.add(Reason.of("personnel.field.proficientNeedsExam", field).at("fields"));
                }
            }
            case EXPERT -> {
                if (projects < CompetenceLevel.EXPERT_MIN_PROJECTS) {
                    p.add(Reason.of("personnel.field.expertNeedsProjects", field, CompetenceLevel.EXPERT_MIN_PROJECTS, projects)
                            .at("fields"));
                }
            }
        }
        return p;
    }
}
