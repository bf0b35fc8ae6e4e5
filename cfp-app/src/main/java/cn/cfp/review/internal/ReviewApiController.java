package cn.cfp.review.internal;

import cn.cfp.access.Actor;
import cn.cfp.review.ReviewInputs;
import cn.cfp.review.ReviewView;
import cn.cfp.review.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the technical review and the certification decision [R-REV-1, R-REV-2]. */
@RestController
@Tag(name = "review", description = "Technical review (技术评审/复核) and certification decision (认证决定)")
class ReviewApiController {

    private final Reviews reviews;
    private final ReviewNoticePdf pdf;

    ReviewApiController(Reviews reviews, ReviewNoticePdf pdf) {
        this.reviews = reviews;
        this.pdf = pdf;
    }

    @GetMapping("/api/review/{applicationId}")
    @Operation(summary = "The review and decision of a case: reviewers, the scheme's review items with their answers, "
            + "questions and their rounds, completion, approval, the scheme's outcomes, the decision and the failure-notice deadline")
    ReviewView get(@PathVariable long applicationId) {
        return reviews.view(applicationId);
    }

    @PostMapping("/api/review/{applicationId}/take")
    @Operation(summary = "Take the technical review (refused in words for a team member, the project manager or, where the "
            + "scheme says so, the report preparer)")
    ReviewView take(Actor me, @PathVariable long applicationId) {
        return reviews.take(me, applicationId);
    }

    @PostMapping("/api/review/{applicationId}/items")
    @Operation(summary = "Answer review items: answers[] of {key, answer CONFORMS|NOT_CONFORMS, note} (a note is required "
            + "for NOT_CONFORMS); a later answer replaces an earlier one, both are kept")
    ReviewView items(Actor me, @PathVariable long applicationId, @RequestBody ReviewInputs.Answers answers) {
        return reviews.answer(me, applicationId, answers);
    }

    @PostMapping("/api/review/{applicationId}/questions")
    @Operation(summary = "Raise a review question to the team: {text}")
    ReviewView raise(Actor me, @PathVariable long applicationId, @RequestBody ReviewInputs.Text text) {
        return reviews.raise(me, applicationId, text);
    }

    @PostMapping("/api/review/{applicationId}/questions/{questionId}/answer")
    @Operation(summary = "A team member answers an open review question: {text}")
    ReviewView answer(Actor me, @PathVariable long applicationId, @PathVariable long questionId,
                      @RequestBody ReviewInputs.Text text) {
        return reviews.answerQuestion(me, applicationId, questionId, text);
    }

    @PostMapping("/api/review/{applicationId}/questions/{questionId}/accept")
    @Operation(summary = "The reviewer accepts the team's answer; the question is closed")
    ReviewView accept(Actor me, @PathVariable long applicationId, @PathVariable long questionId) {
        return reviews.accept(me, applicationId, questionId);
    }

    @PostMapping("/api/review/{applicationId}/questions/{questionId}/again")
    @Operation(summary = "The reviewer asks again (a new round): {text}")
    ReviewView again(Actor me, @PathVariable long applicationId, @PathVariable long questionId,
                     @RequestBody ReviewInputs.Text text) {
        return reviews.askAgain(me, applicationId, questionId, text);
    }

    @PostMapping("/api/review/{applicationId}/completion")
    @Operation(summary = "Complete the technical review: {text} (optional summary); refused naming unanswered items and open "
            + "questions; completes the TECHNICAL_REVIEW stage")
    ReviewView complete(Actor me, @PathVariable long applicationId, @RequestBody(required = false) ReviewInputs.Text text) {
        return reviews.complete(me, applicationId, text);
    }

    @PostMapping("/api/review/{applicationId}/approval")
    @Operation(summary = "Record the approval the scheme requires before the decision (e.g. the centre director's): {text} (optional note)")
    ReviewView approve(Actor me, @PathVariable long applicationId, @RequestBody(required = false) ReviewInputs.Text text) {
        return reviews.approve(me, applicationId, text);
    }

    @PostMapping("/api/review/{applicationId}/decision")
    @Operation(summary = "Take the certification decision: {outcome (one of the scheme's outcome keys), reasons (required "
            + "for a negative outcome)}; refused while a nonconformity is open; concludes or terminates the case")
    ReviewView decide(Actor me, @PathVariable long applicationId, @RequestBody ReviewInputs.DecisionInput decision) {
        return reviews.decide(me, applicationId, decision);
    }

    @GetMapping("/api/review/{applicationId}/decision.pdf")
    @Operation(summary = "The decision notice as a PDF, in the reader's language")
    ResponseEntity<byte[]> decisionPdf(@PathVariable long applicationId, Locale locale) {
        return pdf.decision(applicationId, locale);
    }

    @GetMapping("/api/review/{applicationId}/negative.pdf")
    @Operation(summary = "For a negative decision: the written not-certified / termination notice with its reasons, as a PDF")
    ResponseEntity<byte[]> negativePdf(@PathVariable long applicationId, Locale locale) {
        return pdf.negative(applicationId, locale);
    }
}
