package cn.cfp.reporting.internal;

import cn.cfp.access.Actor;
import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.CncaSubmission;
import cn.cfp.reporting.MarkReported;
import cn.cfp.reporting.ReportItem;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the CNCA reporting [R-PUB-3; decision D5]; the package format: docs/cnca-reporting.md. */
@RestController
@Tag(name = "reporting", description = "Reporting to CNCA: the items (issues, changes, status changes), their age, the package, the submissions")
class ReportingApiController {

    private final CncaReporting reporting;
    private final ReportPackages packages;

    ReportingApiController(CncaReporting reporting, ReportPackages packages) {
        this.reporting = reporting;
        this.packages = packages;
    }

    @GetMapping("/api/reporting/items")
    @Operation(summary = "Report items, oldest first, with their age in days: state unreported (default) | reported | all; "
            + "scheme, kind, and the event date period from/to (yyyy-MM-dd)")
    List<ItemJson> items(@RequestParam(required = false) String scheme, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String state) {
        LocalDate today = reporting.today();
        return reporting.items(ItemQuery.filter(scheme, kind, from, to, state, false)).stream()
                .map(i -> ItemJson.of(i, reporting, today, true)).toList();
    }

    @GetMapping("/api/reporting/package.json")
    @Operation(summary = "The report package as JSON (format cfp-cnca-report 1, docs/cnca-reporting.md): the items ids=…, "
            + "or every unreported item of the scheme/kind")
    ResponseEntity<byte[]> packageJson(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) String scheme,
                                       @RequestParam(required = false) String kind) {
        List<ReportItem> items = selected(ids, scheme, kind);
        return Downloads.file(packages.jsonBytes(items), MediaType.APPLICATION_JSON, "cnca-report-" + reporting.today() + ".json");
    }

    @GetMapping("/api/reporting/package.xlsx")
    @Operation(summary = "The same package as an Excel sheet with Chinese headers")
    ResponseEntity<byte[]> packageXlsx(@RequestParam(required = false) List<Long> ids, @RequestParam(required = false) String scheme,
                                       @RequestParam(required = false) String kind) {
        List<ReportItem> items = selected(ids, scheme, kind);
        return Downloads.file(packages.xlsx(items, false), Downloads.XLSX, "cnca-report-" + reporting.today() + ".xlsx");
    }

    @PostMapping("/api/reporting/submissions")
    @Operation(summary = "Record that the items were reported to CNCA: itemIds, channel (CNCA_PLATFORM|EMAIL|LETTER|OTHER), "
            + "receipt (CNCA's reply or receipt reference), note. The same submission again answers the recorded one; an item "
            + "already reported by another submission is refused (409)")
    CncaSubmission mark(Actor me, @RequestBody(required = false) MarkReported body) {
        return reporting.markReported(me, body);
    }

    @GetMapping("/api/reporting/submissions/{id}")
    @Operation(summary = "One submission: when, by whom, channel, receipt, the items it covers")
    CncaSubmission submission(@PathVariable long id) {
        return reporting.submission(id).orElseThrow(() -> Refusal.notFound("reporting.noSubmission", id));
    }

    private List<ReportItem> selected(List<Long> ids, String scheme, String kind) {
        if (ids != null && !ids.isEmpty()) {
            return reporting.byIds(ids);
        }
        return reporting.items(ItemQuery.filter(scheme, kind, null, null, null, false));
    }
}
