package cn.cfp.report.internal;

import cn.cfp.access.Actor;
import cn.cfp.cases.CaseView;
import cn.cfp.cases.Cases;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.report.ReportConclusion;
import cn.cfp.report.ReportSubmission;
import cn.cfp.report.Reports;
import cn.cfp.shared.Refusal;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The report stage's page: the submitted report, or the preparer's form while the case is at the stage. */
@Controller
class ReportPagesController {

    private final Reports reports;
    private final Cases cases;
    private final Nonconformities nonconformities;

    ReportPagesController(Reports reports, Cases cases, Nonconformities nonconformities) {
        this.reports = reports;
        this.cases = cases;
        this.nonconformities = nonconformities;
    }

    @GetMapping("/reports/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        CaseView c = cases.view(applicationId).orElseThrow(() -> Refusal.notFound("report.noCase", applicationId));
        model.addAttribute("caseView", c);
        model.addAttribute("report", reports.of(applicationId).orElse(null));
        model.addAttribute("preparer", reports.canSubmit(me, applicationId));
        model.addAttribute("openNcs", nonconformities.of(applicationId).stream().filter(n -> n.open()).toList());
        model.addAttribute("conclusions", List.of(ReportConclusion.values()));
        return "report/report";
    }

    @PostMapping("/reports/{applicationId}")
    String submit(Actor me, @PathVariable long applicationId, @RequestParam(required = false) ReportConclusion conclusion,
                  @RequestParam(required = false) String verifiedInformation, @RequestParam(required = false) String limitations,
                  @RequestParam(required = false) String fluctuations, @RequestParam(required = false) String uncovered) {
        reports.submit(me, applicationId, new ReportSubmission(conclusion, verifiedInformation, limitations, fluctuations, uncovered));
        return "redirect:/reports/" + applicationId;
    }
}
