package cn.cfp.evaluation.internal;

import cn.cfp.access.Actor;
import cn.cfp.evaluation.ConsistencyCheck;
import cn.cfp.evaluation.EvaluationKind;
import cn.cfp.evaluation.Evaluations;
import cn.cfp.evaluation.Round;
import cn.cfp.evaluation.Stage2Start;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.shared.Verdict;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the evaluations before the on-site verification (issue 9 item 7), one call per step. Who may call each
 * endpoint is in the access table; the service checks the team role (leader or verifier), the applicant and the
 * manager, and the case's stage.
 */
@RestController
class EvaluationApiController {

    record SupplementRequest(EvaluationKind kind, String note, List<Long> evidenceIds) {
    }

    record TerminationRequest(String reason) {
    }

    private final Evaluations evaluations;

    EvaluationApiController(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/api/evaluation/{applicationId}")
    Evaluations.EvaluationView get(@PathVariable long applicationId) {
        return evaluations.view(applicationId);
    }

    /** CICC: may stage-2 work start now [004 §9.5.1]. */
    @GetMapping("/api/evaluation/{applicationId}/stage2-gate")
    Verdict stage2Gate(@PathVariable long applicationId) {
        return evaluations.stage2Gate(applicationId);
    }

    /** CGC: may the on-site verification go ahead [003 ¶60–63]. */
    @GetMapping("/api/evaluation/{applicationId}/on-site-verification-gate")
    Verdict onSiteGate(@PathVariable long applicationId) {
        return evaluations.onSiteVerificationGate(applicationId);
    }

    @PostMapping("/api/evaluation/{applicationId}/stage1")
    Round stage1(Actor me, @PathVariable long applicationId, @RequestBody(required = false) Evaluations.Stage1Input body) {
        return evaluations.recordStage1(me, applicationId, body);
    }

    @PostMapping("/api/evaluation/{applicationId}/stage2-start")
    Stage2Start startStage2(Actor me, @PathVariable long applicationId) {
        return evaluations.startStage2(me, applicationId);
    }

    @PostMapping("/api/evaluation/{applicationId}/claim")
    Round claim(Actor me, @PathVariable long applicationId, @RequestBody(required = false) Evaluations.ClaimInput body) {
        return evaluations.recordClaim(me, applicationId, body);
    }

    @PostMapping("/api/evaluation/{applicationId}/consistency")
    ConsistencyCheck consistency(Actor me, @PathVariable long applicationId,
                                 @RequestBody(required = false) Evaluations.ConsistencyInput body) {
        return evaluations.checkConsistency(me, applicationId, body);
    }

    /** Uploads an evidence file to the case (multipart field {@code file}); the answer's evidence ids name it. */
    @PostMapping("/api/evaluation/{applicationId}/evidence")
    ResponseEntity<EvidenceFile> evidence(Actor me, @PathVariable long applicationId, @RequestParam MultipartFile file) throws IOException {
        return ResponseEntity.status(201).body(evaluations.upload(me, applicationId, file.getOriginalFilename(), file.getInputStream()));
    }

    @PostMapping("/api/evaluation/{applicationId}/supplements")
    Round supplement(Actor me, @PathVariable long applicationId, @RequestBody(required = false) SupplementRequest body) {
        SupplementRequest b = body == null ? new SupplementRequest(null, null, List.of()) : body;
        return evaluations.supplement(me, applicationId, b.kind(), b.note(), b.evidenceIds());
    }

    @PostMapping("/api/evaluation/{applicationId}/termination")
    Map<String, Object> terminate(Actor me, @PathVariable long applicationId, @RequestBody(required = false) TerminationRequest body) {
        evaluations.terminate(me, applicationId, body == null ? null : body.reason());
        return Map.of("terminated", true);
    }
}
