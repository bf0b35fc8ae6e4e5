package cn.cfp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.Messages;
import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.shared.Refusal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The document-review loop on its own (R-DOC-1; 000 §7.4; 003 ¶47; issue 8 item 11; decision D5): a nonconforming round
 * says what to supplement, the next round waits for the client's supplement, the supplement needs a new version of every
 * requested document, and the number of rounds is whatever the scheme says — here 2, to show it is not fixed in code.
 */
class DocumentReviewLoopTest {

    static final Actor PM = new Actor(7, "pm", "项目经理", Set.of(Role.PROJECT_MANAGER), null);
    static final Actor CLIENT = new Actor(9, "client", "客户", Set.of(Role.CLIENT), 11L);
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Set<String> CHECKLIST = Set.of("process-flow-chart", "materials-list");
    static final DocumentReviewConclusion NO = DocumentReviewConclusion.DOES_NOT_CONFORM;

    static List<DocumentReviews.ReviewedFile> versions(long flowChart, int flowChartVersion) {
        return List.of(new DocumentReviews.ReviewedFile("process-flow-chart", flowChart, flowChartVersion, "a".repeat(64)),
                new DocumentReviews.ReviewedFile("materials-list", 200, 1, "b".repeat(64)));
    }

    static Map<String, Long> current(long flowChart) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("process-flow-chart", flowChart);
        m.put("materials-list", 200L);
        return m;
    }

    static Map<String, String> ask() {
        return Map.of("process-flow-chart", "请补充包含外协工序的完整工艺流程图");
    }

    @Test
    void a_nonconforming_round_waits_for_the_supplement_which_needs_a_new_version_of_each_requested_document() {
        DocumentReviewLoop loop = new DocumentReviewLoop("CFPA-2026-0001", 2, List.of());
        DocumentReviews.Review first = loop.conclude(NO, "工艺流程图缺外协工序", "内部：重点核查外协", ask(), CHECKLIST, versions(100, 1), PM, DAY);
        assertThat(first.round()).isEqualTo(1);
        assertThat(first.requests()).containsExactly(new DocumentReviews.Request("process-flow-chart", "请补充包含外协工序的完整工艺流程图"));
        assertThat(loop.awaitingSupplement()).contains(first);
        assertThat(first.forClient().staffNote()).isNull();

        // round 2 before the client supplemented: refused in words
        assertThatThrownBy(() -> loop.conclude(DocumentReviewConclusion.CONFORMS, null, null, Map.of(), CHECKLIST, versions(100, 1), PM, DAY))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(Messages.codes(r)).containsExactly("application.review.awaitingSupplement");
                    assertThat(Messages.chinese(r).get(0)).contains("第 1 轮");
                });
        // only the requested document may be supplemented
        assertThatThrownBy(() -> loop.requireRequested("materials-list")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("application.review.itemNotRequested"));
        loop.requireRequested("process-flow-chart");
        // submitting with the same version the round reviewed: refused naming the document
        assertThatThrownBy(() -> loop.submitSupplement(current(100), null, CLIENT, DAY)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(Messages.codes(r)).containsExactly("application.review.itemNotSupplemented");
            assertThat(Messages.chinese(r).get(0)).contains("process-flow-chart");
        });
        assertThat(loop.awaitingSupplement()).as("nothing changed").isPresent();

        DocumentReviews.Review answered = loop.submitSupplement(current(101), "已补充外协工序", CLIENT, DAY);
        assertThat(answered.supplement().by()).isEqualTo("client");
        assertThat(loop.awaitingSupplement()).isEmpty();

        DocumentReviews.Review second = loop.conclude(DocumentReviewConclusion.CONFORMS, null, null, Map.of(), CHECKLIST, versions(101, 2), PM, DAY);
        assertThat(second.round()).isEqualTo(2);
        assertThat(second.file("process-flow-chart").orElseThrow().version()).isEqualTo(2);
        assertThatThrownBy(() -> loop.conclude(DocumentReviewConclusion.CONFORMS, null, null, Map.of(), CHECKLIST, versions(101, 2), PM, DAY))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(Messages.codes(r)).containsExactly("application.review.passed"));
    }

    @Test
    void the_rounds_are_the_schemes_number_the_last_failing_round_asks_for_nothing_and_termination_is_due() {   // decision D5
        DocumentReviewLoop loop = new DocumentReviewLoop("CFPA-2026-0002", 2, List.of());
        loop.conclude(NO, "数据不完整", null, ask(), CHECKLIST, versions(100, 1), PM, DAY);
        loop.submitSupplement(current(101), null, CLIENT, DAY);
        // round 2 of 2 may fail without requests: no further round would review a supplement
        DocumentReviews.Review last = loop.conclude(NO, "仍不完整", null, Map.of(), CHECKLIST, versions(101, 2), PM, DAY);
        assertThat(last.round()).isEqualTo(2);
        assertThat(loop.awaitingSupplement()).isEmpty();
        assertThat(loop.terminationDue()).isTrue();
        assertThatThrownBy(() -> loop.conclude(DocumentReviewConclusion.CONFORMS, null, null, Map.of(), CHECKLIST, versions(101, 2), PM, DAY))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(Messages.codes(r)).containsExactly("application.review.terminationDue");
                    assertThat(Messages.english(r).get(0)).contains("2 review rounds");
                });
        assertThatThrownBy(() -> loop.submitSupplement(current(102), null, CLIENT, DAY)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(Messages.codes(r)).containsExactly("application.review.noSupplementRequested"));

        // the same two failures under a scheme of three rounds leave room for a third
        DocumentReviewLoop three = new DocumentReviewLoop("CFPA-2026-0003", 3, loop.rounds());
        assertThat(three.terminationDue()).isFalse();
    }

    @Test
    void a_round_that_fails_before_the_last_must_say_what_to_supplement_and_only_for_documents_of_the_checklist() {
        DocumentReviewLoop loop = new DocumentReviewLoop("CFPA-2026-0004", 3, List.of());
        assertThatThrownBy(() -> loop.conclude(NO, "数据不完整", null, Map.of(), CHECKLIST, versions(100, 1), PM, DAY))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(Messages.codes(r)).containsExactly("application.review.requestsRequired");
                    assertThat(r.reasons().get(0).field()).isEqualTo("requests");
                });
        assertThatThrownBy(() -> loop.conclude(NO, "数据不完整", null, Map.of("no-such-doc", "补充", "materials-list", " "), CHECKLIST,
                versions(100, 1), PM, DAY)).isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(Messages.codes(r)).containsExactlyInAnyOrder("application.review.unknownItem", "application.review.requestEmpty");
                    assertThat(r.reasons()).extracting(cn.cfp.shared.Reason::field)
                            .containsExactlyInAnyOrder("request.no-such-doc", "request.materials-list");
                });
        assertThatThrownBy(() -> loop.conclude(DocumentReviewConclusion.CONFORMS, null, null, ask(), CHECKLIST, versions(100, 1), PM, DAY))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(Messages.codes(r)).containsExactly("application.review.requestsWhenConforming"));
        assertThat(loop.rounds()).as("nothing recorded").isEmpty();
    }
}
