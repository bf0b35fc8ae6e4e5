package cn.cfp.inspection.internal;

import cn.cfp.access.Actor;
import cn.cfp.application.Applications;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.inspection.InspectionView;
import cn.cfp.inspection.Inspections;
import cn.cfp.scheme.InspectionRules;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The phone-friendly inspection page: the checklist and consistency answers save one by one through the API
 * ({@code static/js/inspection.js}); the visit record's other steps are small forms.
 */
@Controller
class InspectionPagesController {

    private final Inspections inspections;
    private final cn.cfp.inspection.Suspensions suspensions;
    private final Applications applications;
    private final Cases cases;
    private final SchemeCatalog schemes;

    InspectionPagesController(Inspections inspections, cn.cfp.inspection.Suspensions suspensions, Applications applications,
                              Cases cases, SchemeCatalog schemes) {
        this.inspections = inspections;
        this.suspensions = suspensions;
        this.applications = applications;
        this.cases = cases;
        this.schemes = schemes;
    }

    @GetMapping("/inspection/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        CertificationCase c = cases.require(applicationId);
        model.addAttribute("app", applications.get(applicationId));
        model.addAttribute("caseOf", c);
        model.addAttribute("scheme", schemes.get(c.schemeCode()));
        InspectionRules rules = schemes.get(c.schemeCode()).onSiteInspection().value();
        model.addAttribute("rules", rules);
        model.addAttribute("suspensions", suspensions.of(applicationId));
        model.addAttribute("activities", cn.cfp.inspection.Suspension.Activity.values());
        boolean onTeam = c.team().stream().anyMatch(m -> m.userId() == me.id());
        model.addAttribute("reporter", onTeam && c.isOpen());
        model.addAttribute("manager", c.isOpen() && c.isManager(me.id()) && me.has(cn.cfp.access.Role.PROJECT_MANAGER));
        if (rules == null) {
            return "inspection/visit";
        }
        InspectionView v = inspections.view(applicationId);
        model.addAttribute("visit", v);
        model.addAttribute("sites", inspections.sites(applicationId));
        model.addAttribute("units", inspections.units(applicationId));
        model.addAttribute("revisions", inspections.planRevisions(applicationId));
        model.addAttribute("verdict", inspections.completionVerdict(applicationId));
        model.addAttribute("meetings", InspectionRules.Meeting.values());
        boolean inspector = c.team().stream().anyMatch(m -> m.userId() == me.id() && Inspections.INSPECTION_ROLES.contains(m.role()));
        model.addAttribute("writer", inspector && c.currentStages().contains(Stage.ON_SITE_INSPECTION) && v.startedAt() != null
                && !v.completed());
        return "inspection/visit";
    }

    @PostMapping("/inspection/{applicationId}/production")
    String production(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String model,
                      @RequestParam(required = false) String line, @RequestParam(required = false) String note,
                      @RequestParam(required = false) Integer version) {
        inspections.recordProduction(me, applicationId, model, line, note, List.of(), version);
        return redirect(applicationId, "production");
    }

    @PostMapping("/inspection/{applicationId}/scope")
    String scope(Actor me, @PathVariable long applicationId, @RequestParam(required = false) List<String> excluded,
                 @RequestParam(required = false) Integer version) {
        inspections.setExcludedStages(me, applicationId, excluded == null ? Set.of() : new LinkedHashSet<>(excluded), version);
        return redirect(applicationId, "scope");
    }

    @PostMapping("/inspection/{applicationId}/disagreement")
    String disagreement(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String text,
                        @RequestParam(required = false) Integer version) {
        inspections.recordDisagreement(me, applicationId, text, version);
        return redirect(applicationId, "disagreement");
    }

    @PostMapping("/inspection/{applicationId}/attendance")
    String attendance(Actor me, @PathVariable long applicationId, @RequestParam(required = false) InspectionRules.Meeting meeting,
                      @RequestParam(required = false) String name, @RequestParam(required = false) String organisation,
                      @RequestParam(required = false) String position, @RequestParam(required = false) boolean signed) {
        inspections.addAttendance(me, applicationId, meeting, name, organisation, position, signed);
        return redirect(applicationId, "attendance");
    }

    @PostMapping("/inspection/{applicationId}/units/{unitId}/products")
    String products(Actor me, @PathVariable long applicationId, @PathVariable long unitId,
                    @RequestParam(required = false) String identifiers, @RequestParam(required = false) Integer version) {
        inspections.confirmProducts(me, applicationId, unitId, identifiers == null ? List.of()
                : Arrays.stream(identifiers.split("\\R")).toList(), version);
        return redirect(applicationId, "consistency");
    }

    @PostMapping("/inspection/{applicationId}/units/{unitId}/sample")
    String sample(Actor me, @PathVariable long applicationId, @PathVariable long unitId,
                  @RequestParam(required = false) Integer size) {
        inspections.drawSample(me, applicationId, unitId, size == null ? 1 : size);
        return redirect(applicationId, "consistency");
    }

    @PostMapping("/inspection/{applicationId}/checklist/completion")
    String completeChecklist(Actor me, @PathVariable long applicationId) {
        inspections.completeChecklist(me, applicationId);
        return redirect(applicationId, "checklist");
    }

    @PostMapping("/inspection/{applicationId}/completion")
    String complete(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String note) {
        inspections.complete(me, applicationId, note);
        return redirect(applicationId, "completion");
    }

    @PostMapping("/inspection/{applicationId}/suspensions")
    String report(Actor me, @PathVariable long applicationId,
                  @RequestParam(required = false) cn.cfp.inspection.Suspension.Activity activity,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String text,
                  @RequestParam(required = false) boolean clientCaused) {
        suspensions.report(me, applicationId, activity, reason, text, clientCaused);
        return redirect(applicationId, "suspensions");
    }

    @PostMapping("/inspection/{applicationId}/suspensions/{suspensionId}/approval")
    String approve(Actor me, @PathVariable long applicationId, @PathVariable long suspensionId,
                   @RequestParam(required = false) Integer version) {
        suspensions.approve(me, applicationId, suspensionId, version);
        return redirect(applicationId, "suspensions");
    }

    @PostMapping("/inspection/{applicationId}/suspensions/{suspensionId}/resumption")
    String resume(Actor me, @PathVariable long applicationId, @PathVariable long suspensionId,
                  @RequestParam(required = false) Integer version) {
        suspensions.resume(me, applicationId, suspensionId, version);
        return redirect(applicationId, "suspensions");
    }

    @PostMapping("/inspection/{applicationId}/termination")
    String terminate(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String reasons,
                     @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        boolean none = file == null || file.isEmpty();
        suspensions.terminate(me, applicationId, reasons, none ? null : file.getOriginalFilename(), none ? null : file.getInputStream());
        return redirect(applicationId, "suspensions");
    }

    private static String redirect(long applicationId, String anchor) {
        return "redirect:/inspection/" + applicationId + "#" + anchor;
    }
}
