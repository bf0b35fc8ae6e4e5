package cn.cfp.verification.internal;

import cn.cfp.access.Actor;
import cn.cfp.nonconformity.NonconformityView;
import cn.cfp.verification.Aspect;
import cn.cfp.verification.Correction;
import cn.cfp.verification.RecalculationView;
import cn.cfp.verification.SubmissionView;
import cn.cfp.verification.VerificationView;
import cn.cfp.verification.Verifications;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the PCF verification (R-VER), one call per step. Who may call each endpoint: access/actions.yaml
 * (verification.*); the service checks the team role (LEADER or VERIFIER) and the case's state.
 */
@RestController
class VerificationApiController {

    record AspectRequest(Aspect.Conclusion conclusion, String note, Integer version) {
    }

    record RecalculationRequest(Integer iterations, Long seed) {
    }

    record CompletionRequest(String note) {
    }

    private final Verifications verifications;
    private final cn.cfp.verification.VerificationReport report;
    private final cn.cfp.verification.DataCheckTables tables;

    VerificationApiController(Verifications verifications, cn.cfp.verification.VerificationReport report,
                              cn.cfp.verification.DataCheckTables tables) {
        this.tables = tables;
        this.verifications = verifications;
        this.report = report;
    }

    /** The verification report of the latest recalculation (000 Annex 2 template), in the request's language. */
    @GetMapping("/api/verification/{applicationId}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long applicationId, java.util.Locale locale) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .inline().filename("verification-" + applicationId + ".pdf").build().toString())
                .body(report.render(applicationId, locale));
    }

    @GetMapping("/api/verification/{applicationId}")
    VerificationView get(@PathVariable long applicationId) {
        return verifications.view(applicationId);
    }

    @GetMapping("/api/verification/{applicationId}/submissions")
    List<SubmissionView> submissions(@PathVariable long applicationId) {
        return verifications.submissions(applicationId);
    }

    /** The client's inventory (multipart 'file': .xlsx data-collection workbook or .json) and its claimed kg CO2e per FU. */
    @PostMapping("/api/verification/{applicationId}/submissions")
    ResponseEntity<SubmissionView> submit(Actor me, @PathVariable long applicationId, @RequestParam MultipartFile file,
                                          @RequestParam(required = false) BigDecimal claimedKgCo2e) throws IOException {
        return ResponseEntity.status(201).body(verifications.submit(me, applicationId, file.getOriginalFilename(),
                file.getBytes(), claimedKgCo2e));
    }

    @PutMapping("/api/verification/{applicationId}/aspects/{aspect}")
    Aspect.Concluded aspect(Actor me, @PathVariable long applicationId, @PathVariable Aspect aspect,
                            @RequestBody AspectRequest body) {
        return verifications.conclude(me, applicationId, aspect, body.conclusion(), body.note(), body.version());
    }

    @PostMapping("/api/verification/{applicationId}/corrections")
    ResponseEntity<Correction.Stored> correct(Actor me, @PathVariable long applicationId, @RequestBody Correction body) {
        return ResponseEntity.status(201).body(verifications.correct(me, applicationId, body));
    }

    @GetMapping("/api/verification/{applicationId}/corrections/{correctionId}/effect")
    Map<String, Object> effect(@PathVariable long applicationId, @PathVariable long correctionId) {
        return Map.of("correctionId", correctionId, "effectPercent", verifications.effectPercent(applicationId, correctionId));
    }

    @PostMapping("/api/verification/{applicationId}/recalculations")
    ResponseEntity<RecalculationView> recalculate(Actor me, @PathVariable long applicationId,
                                                  @RequestBody(required = false) RecalculationRequest body) {
        RecalculationRequest b = body == null ? new RecalculationRequest(null, null) : body;
        return ResponseEntity.status(201).body(verifications.recalculate(me, applicationId, b.iterations(), b.seed()));
    }

    @GetMapping("/api/verification/{applicationId}/recalculations/{resultId}")
    RecalculationView recalculation(@PathVariable long applicationId, @PathVariable long resultId) {
        return verifications.recalculation(applicationId, resultId);
    }

    @PostMapping("/api/verification/{applicationId}/nonconformities")
    ResponseEntity<NonconformityView> raise(Actor me, @PathVariable long applicationId, @RequestBody Verifications.Finding body) {
        return ResponseEntity.status(201).body(verifications.raise(me, applicationId, body));
    }

    /** The data-check tables per stage: the prefilled columns and the verifier's saved rows. */
    @GetMapping("/api/verification/{applicationId}/tables")
    Map<String, Map<cn.cfp.scheme.VerificationTables.Table, List<cn.cfp.verification.DataCheckRow>>> tables(@PathVariable long applicationId) {
        return tables.rows(applicationId);
    }

    record RowRequest(String stage, String key, Map<String, String> cells, Aspect.Conclusion conclusion, Boolean supplierData,
                      Boolean thirdPartyVerified, Boolean foreignData, String foreignDataNote, Integer version) {
    }

    /** Saves the verifier's columns of one row of a data-check table (version-checked: a stale save is 409). */
    @PutMapping("/api/verification/{applicationId}/tables/{table}")
    cn.cfp.verification.DataCheckRow row(Actor me, @PathVariable long applicationId,
                                         @PathVariable cn.cfp.scheme.VerificationTables.Table table, @RequestBody RowRequest b) {
        return tables.save(me, applicationId, table, b.stage(), b.key(), new cn.cfp.verification.DataCheckTables.RowEntry(
                b.cells(), b.conclusion(), Boolean.TRUE.equals(b.supplierData()), Boolean.TRUE.equals(b.thirdPartyVerified()),
                Boolean.TRUE.equals(b.foreignData()), b.foreignDataNote(), b.version()));
    }

    @PostMapping("/api/verification/{applicationId}/completion")
    VerificationView complete(Actor me, @PathVariable long applicationId, @RequestBody(required = false) CompletionRequest body) {
        return verifications.complete(me, applicationId, body == null ? null : body.note());
    }
}
