package cn.cfp.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** R-PER-1: competence levels need their evidence [003 ¶12]. */
class FieldCompetenceTest {

    @Test
    void aware_needs_training_proficient_needs_training_and_exam_expert_needs_three_projects_003_12() {
        assertThat(new FieldCompetence("PV13", CompetenceLevel.AWARE, true, false, 0).evidenceProblems()).isEmpty();
        assertThat(new FieldCompetence("PV13", CompetenceLevel.AWARE, false, false, 0).evidenceProblems())
                .singleElement().asString().contains("training").contains("[003 ¶12]");
        assertThat(new FieldCompetence("PV13", CompetenceLevel.PROFICIENT, true, false, 5).evidenceProblems())
                .singleElement().asString().contains("passed exam");
        assertThat(new FieldCompetence("PV13", CompetenceLevel.EXPERT, false, false, 2).evidenceProblems())
                .singleElement().asString().contains("at least 3 projects, got 2");
        // downward compatible: 熟练具备 needs no exam
        assertThat(new FieldCompetence("pv13", CompetenceLevel.EXPERT, false, false, 3).evidenceProblems()).isEmpty();
    }

    @Test
    void levels_are_ordered() {
        assertThat(CompetenceLevel.EXPERT.atLeast(CompetenceLevel.PROFICIENT)).isTrue();
        assertThat(CompetenceLevel.AWARE.atLeast(CompetenceLevel.PROFICIENT)).isFalse();
    }
}
