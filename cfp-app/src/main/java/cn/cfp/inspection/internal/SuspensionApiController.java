package cn.cfp.inspection.internal;

import cn.cfp.access.Actor;
import cn.cfp.inspection.Suspension;
import cn.cfp.inspection.Suspensions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Suspending, resuming and terminating an on-site activity (R-INS-5; back-half §1.6). */
@RestController
@Tag(name = "On-site activity suspension", description = "Report, approval, notice, resumption, termination (R-INS-5)")
class SuspensionApiController {

    record ReportRequest(Suspension.Activity activity, String reason, String text, Boolean clientCaused) {
    }

    record VersionRequest(Integer version) {
    }

    private final Suspensions suspensions;

    SuspensionApiController(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Operation(summary = "The suspensions of the case's on-site activities")
    @GetMapping("/api/inspection/{applicationId}/suspensions")
    List<Suspension> all(@PathVariable long applicationId) {
        return suspensions.of(applicationId);
    }

    @Operation(summary = "The team reports a suspension (reason from the scheme's list) [001 §9.5.5, §9.6.6]")
    @PostMapping("/api/inspection/{applicationId}/suspensions")
    Suspension report(Actor me, @PathVariable long applicationId, @RequestBody ReportRequest body) {
        return suspensions.report(me, applicationId, body.activity(), body.reason(), body.text(), Boolean.TRUE.equals(body.clientCaused()));
    }

    @Operation(summary = "The case's project manager (not the reporter) approves; a client-caused suspension pauses the clock")
    @PostMapping("/api/inspection/{applicationId}/suspensions/{suspensionId}/approval")
    Suspension approve(Actor me, @PathVariable long applicationId, @PathVariable long suspensionId,
                       @RequestBody(required = false) VersionRequest body) {
        return suspensions.approve(me, applicationId, suspensionId, body == null ? null : body.version());
    }

    @Operation(summary = "The activity resumes; the case clock runs again")
    @PostMapping("/api/inspection/{applicationId}/suspensions/{suspensionId}/resumption")
    Suspension resume(Actor me, @PathVariable long applicationId, @PathVariable long suspensionId,
                      @RequestBody(required = false) VersionRequest body) {
        return suspensions.resume(me, applicationId, suspensionId, body == null ? null : body.version());
    }

    @Operation(summary = "The suspension notice to the client (PDF; title from the scheme)")
    @GetMapping({"/api/inspection/{applicationId}/suspensions/{suspensionId}/notice.pdf",
            "/inspection/{applicationId}/suspensions/{suspensionId}/notice.pdf"})
    ResponseEntity<byte[]> notice(@PathVariable long applicationId, @PathVariable long suspensionId, Locale locale) {
        return suspensions.notice(applicationId, suspensionId, locale);
    }

    @Operation(summary = "Terminate the case with the reasons and the client's receipt of them as proof of delivery [004 §9.3, §9.8.4]")
    @PostMapping("/api/inspection/{applicationId}/termination")
    void terminate(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String reasons,
                   @RequestParam(required = false) MultipartFile file) throws IOException {
        suspensions.terminate(me, applicationId, reasons, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getInputStream());
    }
}
