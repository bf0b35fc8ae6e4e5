package cn.cfp.nonconformity.internal;

import cn.cfp.access.Actor;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.nonconformity.NewNonconformity;
import cn.cfp.nonconformity.NonconformityDetail;
import cn.cfp.nonconformity.NonconformityStatus;
import cn.cfp.nonconformity.Nonconformities;
import cn.cfp.nonconformity.VerificationMethod;
import cn.cfp.scheme.NcClass;
import cn.cfp.scheme.NonconformityPolicy;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.ReasonTexts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Nonconformity pages: the staff page per case (by activity; raise, issue, verify, complete NC_CLOSURE) and the client's
 * page (its issued NCs, answered with uploads; never the team's notes). The access table decides who reaches which form.
 */
@Controller
class NonconformityPagesController {

    private final Nonconformities ncs;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final NonconformityPdf pdf;
    private final ReasonTexts reasonTexts;
    private final java.time.Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<cn.cfp.nonconformity.RecalculationLookup> recalculations;

    NonconformityPagesController(Nonconformities ncs, Cases cases, SchemeCatalog schemes, NonconformityPdf pdf, ReasonTexts reasonTexts,
                                 java.time.Clock clock, org.springframework.beans.factory.ObjectProvider<cn.cfp.nonconformity.RecalculationLookup> recalculations) {
        this.clock = clock;
        this.recalculations = recalculations;
        this.ncs = ncs;
        this.cases = cases;
        this.schemes = schemes;
        this.pdf = pdf;
        this.reasonTexts = reasonTexts;
    }

    @GetMapping("/nonconformities/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model, Locale locale) {
        CertificationCase c = cases.require(applicationId);
        List<NonconformityDetail> all = ncs.details(me, applicationId);
        model.addAttribute("c", c);
        model.addAttribute("applicationId", applicationId);
        Map<Stage, List<NonconformityDetail>> bySource = new LinkedHashMap<>();
        for (NonconformityDetail d : all) {
            bySource.computeIfAbsent(d.nc().source(), s -> new java.util.ArrayList<>()).add(d);
        }
        model.addAttribute("bySource", bySource);
        model.addAttribute("methods", VerificationMethod.values());
        if (me.isClient()) {
            model.addAttribute("answerer", c.isOpen() && me.organisationId() != null && me.organisationId() == c.parties().applicantOrgId());
            return "nonconformity/client";
        }
        NonconformityPolicy policy = schemes.get(c.schemeCode()).nonconformities().value();
        List<NcClass> classes = policy == null ? List.of() : policy.classes();
        model.addAttribute("classes", classes);
        model.addAttribute("graded", classes.stream().anyMatch(k -> k.effectAtLeastPercent() != null || k.effectBelowPercent() != null));
        model.addAttribute("sources", Nonconformities.SOURCES);
        boolean team = c.isOpen() && c.isTeamMember(me.id());
        model.addAttribute("team", team);
        model.addAttribute("toIssue", all.stream().filter(d -> d.nc().status() == NonconformityStatus.RAISED)
                .map(d -> d.nc().source()).distinct().toList());
        model.addAttribute("closable", team && c.currentStages().contains(Stage.NC_CLOSURE));
        model.addAttribute("openReasons", reasonTexts.texts(ncs.noneOpen(applicationId, java.util.Set.of()).reasons(), locale));
        model.addAttribute("failedReasons", reasonTexts.texts(ncs.noneFailed(applicationId).reasons(), locale));
        model.addAttribute("today", LocalDate.now(clock));
        // the recalculations a quantification NC may be closed with, to choose from (003 ¶73)
        cn.cfp.nonconformity.RecalculationLookup lookup = recalculations.getIfAvailable();
        model.addAttribute("recalculationChoices", lookup == null ? List.of() : lookup.choices(applicationId));
        return "nonconformity/staff";
    }

    @GetMapping("/nonconformities/{applicationId}/lists/{source}.pdf")
    ResponseEntity<byte[]> listPdf(@PathVariable long applicationId, @PathVariable String source, Locale locale) {
        return pdf.response(applicationId, NonconformityApiController.stage(source), locale);
    }

    @PostMapping("/nonconformities/{applicationId}/raise")
    String raise(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String source,
                 @RequestParam(required = false) String sourceRef, @RequestParam(required = false) String clause,
                 @RequestParam(required = false) String description, @RequestParam(required = false) String ncClass,
                 @RequestParam(required = false) BigDecimal effectPercent) {
        ncs.raise(me, applicationId, new NewNonconformity(source == null || source.isBlank() ? null : NonconformityApiController.stage(source),
                sourceRef, clause, description, ncClass, effectPercent, null));
        return redirect(applicationId);
    }

    @PostMapping("/nonconformities/{applicationId}/issue")
    String issue(Actor me, @PathVariable long applicationId, @RequestParam String source,
                 @RequestParam(required = false) LocalDate dueOn) {
        ncs.issue(me, applicationId, NonconformityApiController.stage(source), dueOn);
        return redirect(applicationId);
    }

    @PostMapping("/nonconformities/{applicationId}/{ncId}/verification")
    String verify(Actor me, @PathVariable long applicationId, @PathVariable long ncId, @RequestParam(required = false) String verdict,
                  @RequestParam(required = false) VerificationMethod method, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) LocalDate dueOn, @RequestParam(required = false) String recalculationRef,
                  @RequestParam(required = false) String amendedClaim, @RequestParam(required = false) String teamNote) {
        ncs.verify(me, applicationId, ncId, new Nonconformities.VerifyInput("ACCEPT".equals(verdict), method, reason, dueOn,
                recalculationRef, amendedClaim, teamNote));
        return redirect(applicationId);
    }

    @PostMapping("/nonconformities/{applicationId}/{ncId}/answer")
    String answer(Actor me, @PathVariable long applicationId, @PathVariable long ncId,
                  @RequestParam(required = false) String correction, @RequestParam(required = false) String cause,
                  @RequestParam(required = false) String correctiveAction, @RequestParam(required = false) String explanation,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        ncs.answer(me, applicationId, ncId, new Nonconformities.AnswerInput(correction, cause, correctiveAction, explanation),
                NonconformityApiController.uploads(files));
        return redirect(applicationId);
    }

    @PostMapping("/nonconformities/{applicationId}/closure")
    String closure(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String note) {
        ncs.completeClosure(me, applicationId, note);
        return redirect(applicationId);
    }

    private static String redirect(long applicationId) {
        return "redirect:/nonconformities/" + applicationId;
    }
}
