package cn.cfp.report.internal;

import cn.cfp.access.Actor;
import cn.cfp.report.ReportSubmission;
import cn.cfp.report.ReportView;
import cn.cfp.report.Reports;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the report stage [001 §9.6.7]. */
@RestController
@Tag(name = "report", description = "The report stage (CNEX 报告编制): the preparer's conclusion, submitted to the body")
class ReportApiController {

    private final Reports reports;

    ReportApiController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/{applicationId}")
    @Operation(summary = "The report submitted for the case (404 while none is)")
    ReportView get(@PathVariable long applicationId) {
        return reports.of(applicationId).orElseThrow(() -> Refusal.notFound("report.none", applicationId));
    }

    @PostMapping("/api/reports/{applicationId}")
    @Operation(summary = "Submit the report: conclusion POSITIVE|NEGATIVE (positive only with every nonconformity closed), "
            + "verifiedInformation, limitations, fluctuations, uncovered [001 §9.6.7 5)]; completes the REPORT stage")
    ReportView submit(Actor me, @PathVariable long applicationId, @RequestBody ReportSubmission submission) {
        return reports.submit(me, applicationId, submission);
    }
}
