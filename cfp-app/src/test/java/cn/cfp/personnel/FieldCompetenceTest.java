package cn.cfp.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import cn.cfp.Messages;
import cn.cfp.shared.Reason;
import org.junit.jupiter.api.Test;

/** R-PER-1: competence levels need their evidence [003 ¶12]. */
class FieldCompetenceTest {

    @Test
    void aware_needs_training_proficient_needs_training_and_exam_expert_needs_three_projects_003_12() {
        assertThat(new FieldCompetence("PV13", CompetenceLevel.AWARE, true, false, 0).evidenceProblems()).isEmpty();
        Reason aware = single(new FieldCompetence("PV13", CompetenceLevel.AWARE, false, false, 0));
        assertThat(aware.code()).isEqualTo("personnel.field.awareNeedsTraining");
        assertThat(aware.field()).isEqualTo("fields");
        assertThat(Messages.english(aware)).contains("training").contains("[003 ¶12]");
        Reason proficient = single(new FieldCompetence("PV13", CompetenceLevel.PROFICIENT, true, false, 5));
        assertThat(proficient.code()).isEqualTo("personnel.field.proficientNeedsExam");
        assertThat(Messages.english(proficient)).contains("passed exam");
        Reason expert = single(new FieldCompetence("PV13", CompetenceLevel.EXPERT, false, false, 2));
        assertThat(expert.code()).isEqualTo("personnel.field.expertNeedsProjects");
        assertThat(Messages.english(expert)).contains("at least 3 projects, got 2");
        assertThat(Messages.chinese(expert)).isEqualTo("领域 PV13：判定“熟练具备”须有 3 项及以上项目经历，现为 2 [003 ¶12]");
        // downward compatible: 熟练具备 needs no exam
        assertThat(new FieldCompetence("pv13", CompetenceLevel.EXPERT, false, false, 3).evidenceProblems()).isEmpty();
    }

    @Test
    void a_malformed_field_code_and_a_negative_project_count_are_named() {
        assertThat(new FieldCompetence("p", CompetenceLevel.AWARE, true, false, -1).evidenceProblems()).extracting(Reason::code)
                .containsExactly("personnel.field.codeInvalid", "personnel.field.negativeProjects");
    }

    private static Reason single(FieldCompetence f) {
        assertThat(f.evidenceProblems()).hasSize(1);
        return f.evidenceProblems().get(0);
    }

    @Test
    void levels_are_ordered() {
        assertThat(CompetenceLevel.EXPERT.atLeast(CompetenceLevel.PROFICIENT)).isTrue();
        assertThat(CompetenceLevel.AWARE.atLeast(CompetenceLevel.PROFICIENT)).isFalse();
    }
}
