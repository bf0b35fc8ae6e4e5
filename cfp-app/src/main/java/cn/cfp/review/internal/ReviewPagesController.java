package cn.cfp.review.internal;

import cn.cfp.access.Actor;
import cn.cfp.cases.CaseView;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.review.ReviewAnswer;
import cn.cfp.review.ReviewInputs;
import cn.cfp.review.ReviewView;
import cn.cfp.review.Reviews;
import cn.cfp.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The review page of a case for the reviewer, the team and the decision maker [R-REV-1, R-REV-2]. */
@Controller
class ReviewPagesController {

    private final Reviews reviews;
    private final Cases cases;
    private final Nonconformities nonconformities;

    ReviewPagesController(Reviews reviews, Cases cases, Nonconformities nonconformities) {
        this.reviews = reviews;
        this.cases = cases;
        this.nonconformities = nonconformities;
    }

    @GetMapping("/review/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        CaseView c = cases.view(applicationId).orElseThrow(() -> Refusal.notFound("review.noCase", applicationId));
        ReviewView v = reviews.view(applicationId);
        boolean atReview = "TECHNICAL_REVIEW".equals(v.stage());
        boolean atDecision = "DECISION".equals(v.stage());
        var mayReview = reviews.mayReview(me, applicationId);
        var mayDecide = reviews.mayDecide(me, applicationId);
        model.addAttribute("caseView", c);
        model.addAttribute("review", v);
        model.addAttribute("answers", List.of(ReviewAnswer.values()));
        model.addAttribute("reviewer", atReview && mayReview.allowed());
        model.addAttribute("reviewerWhy", atReview && !mayReview.allowed() && me.isStaff() ? mayReview.reasons() : List.of());
        model.addAttribute("team", atReview && cases.require(applicationId).isTeamMember(me.id()));
        model.addAttribute("decider", atDecision && mayDecide.allowed());
        model.addAttribute("deciderWhy", atDecision && !mayDecide.allowed() ? mayDecide.reasons() : List.of());
        model.addAttribute("approvalPending", atDecision && v.approvalBy() != null && v.approval() == null);
        model.addAttribute("openNcs", nonconformities.of(applicationId).stream().filter(n -> n.open()).toList());
        return "review/review";
    }

    @PostMapping("/review/{applicationId}/items")
    String items(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> form) {
        ReviewView v = reviews.view(applicationId);
        List<ReviewInputs.ItemAnswer> answers = new ArrayList<>();
        for (ReviewView.ItemState i : v.items()) {
            String a = form.get("answer_" + i.key());
            String note = form.get("note_" + i.key());
            if (a != null && !a.isBlank()) {
                answers.add(new ReviewInputs.ItemAnswer(i.key(), answer(a), note));
            } else if (note != null && !note.isBlank()) {
                answers.add(new ReviewInputs.ItemAnswer(i.key(), null, note));
            }
        }
        reviews.answer(me, applicationId, new ReviewInputs.Answers(answers));
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/questions")
    String raise(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String text) {
        reviews.raise(me, applicationId, new ReviewInputs.Text(text));
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/questions/{questionId}/answer")
    String answer(Actor me, @PathVariable long applicationId, @PathVariable long questionId,
                  @RequestParam(required = false) String text) {
        reviews.answerQuestion(me, applicationId, questionId, new ReviewInputs.Text(text));
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/questions/{questionId}/accept")
    String accept(Actor me, @PathVariable long applicationId, @PathVariable long questionId) {
        reviews.accept(me, applicationId, questionId);
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/questions/{questionId}/again")
    String again(Actor me, @PathVariable long applicationId, @PathVariable long questionId,
                 @RequestParam(required = false) String text) {
        reviews.askAgain(me, applicationId, questionId, new ReviewInputs.Text(text));
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/completion")
    String complete(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String text) {
        reviews.complete(me, applicationId, new ReviewInputs.Text(text));
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/approval")
    String approve(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String text) {
        reviews.approve(me, applicationId, new ReviewInputs.Text(text));
        return back(applicationId);
    }

    @PostMapping("/review/{applicationId}/decision")
    String decide(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String reasons) {
        reviews.decide(me, applicationId, new ReviewInputs.DecisionInput(outcome, reasons));
        return back(applicationId);
    }

    private static ReviewAnswer answer(String value) {
        for (ReviewAnswer a : ReviewAnswer.values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        return null;
    }

    private static String back(long applicationId) {
        return "redirect:/review/" + applicationId;
    }
}
