package cn.cfp.personnel;

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

    /** What is missing for the claimed level, per the evidence rules of 003 ¶12; empty when the level is supported. */
    public List<String> evidenceProblems() {
        List<String> p = new ArrayList<>();
        if (!FIELD.matcher(field).matches()) {
            p.add("Field code '" + field + "' is invalid: use 2-40 capital letters, digits or '_' (e.g. PV13) / 领域代码格式不正确");
        }
        if (projects < 0) {
            p.add("Project count for " + field + " cannot be negative / 项目数不能为负");
        }
        switch (level) {
            case AWARE -> {
                if (!trained) {
                    p.add("Field " + field + ": 了解 (aware) needs attended training [003 ¶12] / 领域 " + field + "：判定“了解”须参加过培训");
                }
            }
            case PROFICIENT -> {
                if (!trained || !examPassed) {
                    p.add("Field " + field + ": 掌握 (proficient) needs training and a passed exam [003 ¶12] / 领域 " + field
                            + "：判定“掌握”须参加培训并通过考试");
                }
            }
            case EXPERT -> {
                if (projects < CompetenceLevel.EXPERT_MIN_PROJECTS) {
                    p.add("Field " + field + ": 熟练具备 (expert) needs at least " + CompetenceLevel.EXPERT_MIN_PROJECTS
                            + " projects, got " + projects + " [003 ¶12] / 领域 " + field + "：判定“熟练具备”须有 3 项及以上项目经历，现为 " + projects);
                }
            }
        }
        return p;
    }
}
