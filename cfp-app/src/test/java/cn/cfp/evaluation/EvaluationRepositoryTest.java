package cn.cfp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.CfpIntegrationTest;
import cn.cfp.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The evaluation aggregate is saved with a version check: of two concurrent saves the second is refused (409). */
@CfpIntegrationTest
class EvaluationRepositoryTest {

    @Autowired
    EvaluationRepository repository;

    static Round stage1(int n, String decision) {
        return new Round(EvaluationKind.STAGE1, n, false, true, decision, "理由", null,
                List.of(new ItemAnswer("A", ItemConclusion.CONFORMS, null, List.of(), null, null)), List.of(), false, "verifier",
                LocalDate.of(2026, 12, 3), Instant.parse("2026-12-03T08:00:00Z"), null);
    }

    @Test
    void a_stale_save_is_refused_and_nothing_of_it_is_stored() {
        long app = 900_000_000L + System.nanoTime() % 1_000_000;
        // two first saves of the same application: the unique key refuses the second
        Evaluation a = Evaluation.empty(app);
        Evaluation b = Evaluation.empty(app);
        a.add(stage1(1, "NOT_PROCEED"), "T", Integer.MAX_VALUE);
        b.add(stage1(1, "NOT_PROCEED"), "T", Integer.MAX_VALUE);
        repository.save(a);
        assertThatThrownBy(() -> repository.save(b)).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(409));
        // two saves from the same version: the row version refuses the second
        Evaluation x = repository.find(app).orElseThrow();
        Evaluation y = repository.find(app).orElseThrow();
        x.add(stage1(2, "PROCEED"), "T", Integer.MAX_VALUE);
        y.add(stage1(2, "NOT_PROCEED"), "T", Integer.MAX_VALUE);
        repository.save(x);
        assertThatThrownBy(() -> repository.save(y)).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(409));
        List<Round> stored = repository.find(app).orElseThrow().rounds(EvaluationKind.STAGE1);
        assertThat(stored).extracting(Round::conclusion).containsExactly("NOT_PROCEED", "PROCEED");
        assertThat(stored.get(0).answers()).containsExactly(new ItemAnswer("A", ItemConclusion.CONFORMS, null, List.of(), null, null));
    }
}
