package cn.cfp.inspection.internal;

import cn.cfp.access.Actor;
import cn.cfp.evidence.EvidenceFile;
import cn.cfp.inspection.Answer;
import cn.cfp.inspection.AnswerInput;
import cn.cfp.inspection.Attendance;
import cn.cfp.inspection.InspectionReport;
import cn.cfp.inspection.InspectionView;
import cn.cfp.inspection.Inspections;
import cn.cfp.inspection.UnitSample;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.shared.Verdict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * REST API of the on-site inspection (R-INS-1..5), one small call per answer so a phone saves each as it is given.
 * Every write is version-checked: a stale version is a 409 with the reason in words.
 */
@RestController
@Tag(name = "On-site inspection", description = "Visit record, assurance-capability checklist, product consistency, completion, report (R-INS)")
class InspectionApiController {

    record ProductionRequest(String model, String line, String note, List<Long> evidenceIds, Integer version) {
    }

    record ScopeRequest(Set<String> excludedStages, Integer version) {
    }

    record TextRequest(String text, Integer version) {
    }

    record AttendanceRequest(InspectionRules.Meeting meeting, String name, String organisation, String position, Boolean signed) {
    }

    record ProductsRequest(List<String> identifiers, Integer version) {
    }

    record SampleRequest(Integer size) {
    }

    record NoteRequest(String note) {
    }

    private final Inspections inspections;
    private final InspectionReport report;

    InspectionApiController(Inspections inspections, InspectionReport report) {
        this.inspections = inspections;
        this.report = report;
    }

    @Operation(summary = "The visit record of the case: schedule, team, attendance, production observed, answers, samples")
    @GetMapping("/api/inspection/{applicationId}")
    InspectionView get(@PathVariable long applicationId) {
        return inspections.view(applicationId);
    }

    @Operation(summary = "The scheme's inspection data for the case: checklist items, consistency items, meetings, report contents")
    @GetMapping("/api/inspection/{applicationId}/rules")
    Map<String, Object> rules(@PathVariable long applicationId) {
        return Map.of("rules", inspections.rules(applicationId), "sites", inspections.sites(applicationId),
                "units", inspections.units(applicationId), "planRevisions", inspections.planRevisions(applicationId));
    }

    @Operation(summary = "Answer one checklist item at one production site (CONFORMS / NONCONFORMS / NOT_APPLICABLE); "
            + "NONCONFORMS raises a nonconformity; give the version you saw (null for a first answer)")
    @PutMapping("/api/inspection/{applicationId}/checklist/{itemId}/sites/{siteId}")
    Answer answerChecklist(Actor me, @PathVariable long applicationId, @PathVariable String itemId, @PathVariable long siteId,
                           @RequestBody AnswerInput body) {
        return inspections.answerChecklist(me, applicationId, itemId, siteId, body);
    }

    @Operation(summary = "Mark the checklist complete: refused, naming each item x site not answered, until every site is covered")
    @PostMapping("/api/inspection/{applicationId}/checklist/completion")
    InspectionView completeChecklist(Actor me, @PathVariable long applicationId) {
        return inspections.completeChecklist(me, applicationId);
    }

    @Operation(summary = "The products/batches the enterprise confirmed as conforming for a unit (one identifier each)")
    @PutMapping("/api/inspection/{applicationId}/units/{unitId}/products")
    UnitSample products(Actor me, @PathVariable long applicationId, @PathVariable long unitId, @RequestBody ProductsRequest body) {
        return inspections.confirmProducts(me, applicationId, unitId, body.identifiers(), body.version());
    }

    @Operation(summary = "Draw the consistency sample of a unit with the visit's recorded seed (same seed, same sample)")
    @PostMapping("/api/inspection/{applicationId}/units/{unitId}/sample")
    UnitSample sample(Actor me, @PathVariable long applicationId, @PathVariable long unitId, @RequestBody SampleRequest body) {
        return inspections.drawSample(me, applicationId, unitId, body.size() == null ? 1 : body.size());
    }

    @Operation(summary = "Answer one product-consistency item for one unit (CONSISTENT / INCONSISTENT / NOT_APPLICABLE)")
    @PutMapping("/api/inspection/{applicationId}/consistency/{itemId}/units/{unitId}")
    Answer answerConsistency(Actor me, @PathVariable long applicationId, @PathVariable String itemId, @PathVariable long unitId,
                             @RequestBody AnswerInput body) {
        return inspections.answerConsistency(me, applicationId, itemId, unitId, body);
    }

    @Operation(summary = "Record the in-scope product observed in production during the visit [000 §7.5.1]")
    @PutMapping("/api/inspection/{applicationId}/production")
    InspectionView production(Actor me, @PathVariable long applicationId, @RequestBody ProductionRequest body) {
        return inspections.recordProduction(me, applicationId, body.model(), body.line(), body.note(), body.evidenceIds(),
                body.version());
    }

    @Operation(summary = "The life-cycle stages outside the certification scope (delivery-storage, use, end-of-life)")
    @PutMapping("/api/inspection/{applicationId}/scope")
    InspectionView scope(Actor me, @PathVariable long applicationId, @RequestBody ScopeRequest body) {
        return inspections.setExcludedStages(me, applicationId, body.excludedStages(), body.version());
    }

    @Operation(summary = "Record the client's disagreement with the conclusion (printed in the report) [001 §9.5.4 2)]")
    @PutMapping("/api/inspection/{applicationId}/disagreement")
    InspectionView disagreement(Actor me, @PathVariable long applicationId, @RequestBody TextRequest body) {
        return inspections.recordDisagreement(me, applicationId, body.text(), body.version());
    }

    @Operation(summary = "Record one attendee of the opening or closing meeting")
    @PostMapping("/api/inspection/{applicationId}/attendance")
    Attendance attendance(Actor me, @PathVariable long applicationId, @RequestBody AttendanceRequest body) {
        return inspections.addAttendance(me, applicationId, body.meeting(), body.name(), body.organisation(), body.position(),
                Boolean.TRUE.equals(body.signed()));
    }

    @Operation(summary = "Upload a photo or PDF from the device as evidence of the case; link it to an answer by its id")
    @PostMapping("/api/inspection/{applicationId}/evidence")
    EvidenceFile evidence(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String name,
                          @RequestParam MultipartFile file) throws IOException {
        return inspections.upload(me, applicationId, name, file.getOriginalFilename(), file.getInputStream());
    }

    @Operation(summary = "What completing the on-site inspection would say now (allowed, or every reason not yet)")
    @GetMapping("/api/inspection/{applicationId}/completion")
    Verdict completionVerdict(@PathVariable long applicationId) {
        return inspections.completionVerdict(applicationId);
    }

    @Operation(summary = "Complete the on-site inspection (and the case's ON_SITE_INSPECTION stage); refused in words until ready")
    @PostMapping("/api/inspection/{applicationId}/completion")
    InspectionView complete(Actor me, @PathVariable long applicationId, @RequestBody(required = false) NoteRequest body) {
        return inspections.complete(me, applicationId, body == null ? null : body.note());
    }

    @Operation(summary = "The on-site inspection report (PDF, Chinese by default, ?lang=en English)")
    @GetMapping({"/api/inspection/{applicationId}/report.pdf", "/inspection/{applicationId}/report.pdf"})
    ResponseEntity<byte[]> report(Actor me, @PathVariable long applicationId, Locale locale) {
        return report.response(me, applicationId, locale);
    }
}
