package cn.cfp.planning.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.application.ApplicationStatus;
import cn.cfp.application.ApplicationView;
import cn.cfp.application.Applications;
import cn.cfp.cases.Cases;
import cn.cfp.scheme.Stage;
import cn.cfp.planning.Complexity;
import cn.cfp.planning.InspectionScheme;
import cn.cfp.planning.ManDayLine;
import cn.cfp.planning.ManDayOverride;
import cn.cfp.planning.MemberInput;
import cn.cfp.planning.PlanStatus;
import cn.cfp.planning.PlanView;
import cn.cfp.planning.Plans;
import cn.cfp.planning.RiskAssessment;
import cn.cfp.planning.RiskFactor;
import cn.cfp.planning.RiskRating;
import cn.cfp.planning.TeamRole;
import cn.cfp.planning.VerificationPlan;
import cn.cfp.scheme.AssuranceLevel;
import cn.cfp.scheme.ManDayActivity;
import cn.cfp.scheme.CompetenceField;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.shared.FormValues;
import cn.cfp.shared.Paging;
import cn.cfp.shared.Reason;
import cn.cfp.shared.ReasonTexts;
import cn.cfp.shared.Refusal;
import cn.cfp.shared.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Planning pages: the staff page per application with a form per step, and the client's view of its team. */
@Controller
class PlanningPagesController {

    private final Plans plans;
    private final Applications applications;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final ReasonTexts reasonTexts;

    PlanningPagesController(Plans plans, Applications applications, Cases cases, SchemeCatalog schemes, ReasonTexts reasonTexts) {
        this.plans = plans;
        this.applications = applications;
        this.cases = cases;
        this.schemes = schemes;
        this.reasonTexts = reasonTexts;
    }

    /** Row of the planning list: an application and its plan, if any. */
    record Row(ApplicationView application, PlanView plan) {
    }

    @GetMapping("/planning")
    String list(Actor me, @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        List<Row> rows = new ArrayList<>();
        Paging paging = Paging.of(page, size);
        Paging.Page<ApplicationView> result = applications.acceptedVisibleTo(me, paging);
        List<ApplicationView> accepted = result.items();
        Map<Long, PlanView> planOf = plans.ofApplications(accepted.stream().map(ApplicationView::id).toList());
        for (ApplicationView a : accepted) {
            PlanView p = planOf.get(a.id());
            rows.add(new Row(a, p == null ? null : me.isStaff() ? p : p.forClient()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        return "planning/list";
    }

    @GetMapping("/planning/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        ApplicationView app = applications.get(applicationId);
        model.addAttribute("app", app);
        Optional<PlanView> plan = plans.forApplication(applicationId);
        var caseOf = cases.ofApplication(applicationId);
        boolean caseOpen = caseOf.map(c -> c.isOpen()).orElse(false);
        if (me.isClient()) {
            model.addAttribute("plan", plan.map(PlanView::forClient).orElse(null));
            // only the applicant company answers the on-site plan (the access table's APPLICANT relation)
            model.addAttribute("answerer", caseOpen && me.organisationId() != null && me.organisationId() == app.applicantOrgId()
                    && plan.map(PlanView::awaitingAnswer).orElse(false));
            return "planning/client";
        }
        model.addAttribute("plan", plan.orElse(null));
        model.addAttribute("scheme", schemes.get(app.schemeCode()));
        model.addAttribute("candidates", plans.candidates(applicationId));
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("qualifications", cn.cfp.scheme.Qualification.values());
        model.addAttribute("factors", RiskFactor.values());
        model.addAttribute("ratings", RiskRating.values());
        model.addAttribute("complexities", Complexity.values());
        model.addAttribute("assuranceLevels", AssuranceLevel.values());
        model.addAttribute("activities", ManDayActivity.values());
        // forms for the roles this person holds on the case (the access table enforces the same on submit)
        boolean atPlanning = caseOf.map(c -> c.currentStages().contains(Stage.PLANNING)).orElse(false);
        boolean manager = caseOf.map(c -> c.isManager(me.id())).orElse(false) && me.has(Role.PROJECT_MANAGER);
        model.addAttribute("planner", atPlanning && manager);
        model.addAttribute("approver", atPlanning && manager);
        boolean onCase = manager || caseOf.map(c -> c.isTeamMember(me.id())).orElse(false);
        model.addAttribute("writer", atPlanning && onCase);
        boolean sent = plan.map(p -> p.status() == PlanStatus.SENT).orElse(false);
        // after sending: the team revises the on-site plan and starts the visit (the access table checks the same on submit)
        // ... and during the visit revises it again, with the change on site recorded [003 ¶36]
        model.addAttribute("reviser", caseOpen && plan.map(p -> p.status().sent()).orElse(false) && onCase);
        model.addAttribute("visitStarter", caseOpen && sent && onCase
                && caseOf.map(c -> c.currentStages().stream().anyMatch(s -> s == Stage.PRELIMINARY_EVALUATION
                        || s == Stage.ON_SITE_INSPECTION || s == Stage.VERIFICATION)).orElse(false));
        Map<Long, String> roleOf = new LinkedHashMap<>();
        plan.ifPresent(p -> p.team().forEach(m -> roleOf.put(m.userId(), m.role().name())));
        model.addAttribute("roleOf", roleOf);
        // the field is chosen from the schemes' fields; each candidate's qualifications are shown next to their role
        List<CompetenceField> choices = fieldChoices(schemes.get(app.schemeCode()), plan.map(PlanView::field).orElse(null));
        model.addAttribute("fieldChoices", choices);
        Map<String, CompetenceField> names = new LinkedHashMap<>();
        choices.forEach(f -> names.put(f.code(), f));
        model.addAttribute("fieldNames", names);
        // the fields the team rules may look at: this scheme's and the plan's (a scheme naming none: every field shown)
        java.util.Set<String> relevant = new java.util.HashSet<>();
        schemes.get(app.schemeCode()).competenceFields().forEach(f -> relevant.add(f.code()));
        plan.map(PlanView::field).ifPresent(relevant::add);
        model.addAttribute("relevantFields", relevant);
        Map<String, String> risk = new LinkedHashMap<>();
        Map<String, String> riskNote = new LinkedHashMap<>();
        plan.map(PlanView::verificationPlan).ifPresent(vp -> vp.risks().forEach(r -> {
            risk.put(r.factor().name(), r.rating().name());
            riskNote.put(r.factor().name(), r.note());
        }));
        model.addAttribute("risk", risk);
        model.addAttribute("riskNote", riskNote);
        return "planning/plan";
    }

    @PostMapping("/planning/{applicationId}/team")
    String team(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String field,
                @RequestParam Map<String, String> params) {
        plans.proposeTeam(me, applicationId, field, members(params));
        return redirect(applicationId);
    }

    /**
     * The "check team" step: the team as chosen on the form is judged by the scheme's team rules and the verdict shown on
     * the page, with the choices kept — nothing is proposed, the client is not told, no one is assigned (issue 8 item 13).
     */
    @PostMapping("/planning/{applicationId}/team/check")
    String checkTeam(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String field,
                     @RequestParam Map<String, String> params, RedirectAttributes flash, Locale locale) {
        List<MemberInput> members = members(params);
        Verdict verdict = plans.checkTeam(applicationId, field, members);
        Map<Long, String> roles = new LinkedHashMap<>();
        members.forEach(m -> roles.put(m.userId(), m.role().name()));
        flash.addFlashAttribute("teamCheck", new TeamCheck(field == null ? "" : field.strip(), roles, verdict.allowed(),
                reasonTexts.texts(verdict.reasons(), locale), reasonTexts.texts(verdict.notes(), locale)));
        return "redirect:/planning/" + applicationId + "#team";
    }

    /** The verdict of a "check team" on its way back to the page, with what was chosen (a flash attribute). */
    record TeamCheck(String field, Map<Long, String> roles, boolean allowed, List<String> reasons, List<String> notes)
            implements java.io.Serializable {
        TeamCheck {
            roles = new LinkedHashMap<>(roles);
            reasons = new ArrayList<>(reasons);
            notes = new ArrayList<>(notes);
        }

        /** The role chosen for a candidate when the team was checked ("" = not in the team). */
        public String roleOf(long userId) {
            return roles.getOrDefault(userId, "");
        }
    }

    /** The fields the team form offers: this scheme's first, then every other scheme's, then the plan's own if none names it. */
    static List<CompetenceField> fieldChoices(Scheme scheme, String current, List<CompetenceField> all) {
        Map<String, CompetenceField> out = new LinkedHashMap<>();
        scheme.competenceFields().forEach(f -> out.putIfAbsent(f.code(), f));
        all.forEach(f -> out.putIfAbsent(f.code(), f));
        if (current != null && !current.isBlank()) {
            out.putIfAbsent(current, CompetenceField.unnamed(current));
        }
        return List.copyOf(out.values());
    }

    private List<CompetenceField> fieldChoices(Scheme scheme, String current) {
        return fieldChoices(scheme, current, schemes.competenceFields());
    }

    @PostMapping("/planning/{applicationId}/objections")
    String object(Actor me, @PathVariable long applicationId,
                  @RequestParam(required = false) Long memberUserId, @RequestParam(required = false) String reason) {
        plans.object(me, applicationId, memberUserId, reason);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/objections/{objectionId}/resolution")
    String resolve(Actor me, @PathVariable long applicationId, @PathVariable long objectionId,
                   @RequestParam(required = false) String resolution, @RequestParam(required = false) String note,
                   @RequestParam(required = false) String field, @RequestParam Map<String, String> params) {
        plans.resolveObjection(me, applicationId, objectionId, resolution, note, field,
                "REPLACE".equalsIgnoreCase(resolution) ? members(params) : null);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/man-days")
    String manDays(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> form) {
        Map<String, String> params = new LinkedHashMap<>(form);
        PlanView plan = plans.forApplication(applicationId).orElseThrow(() -> Refusal.notFound("planning.plan.notStarted", applicationId));
        List<ManDayOverride> overrides = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        plan.manDays().lines().stream().filter(l -> !l.aggregate()).forEach(l -> keys.add(l.scopeKey() + "|" + l.activity()));
        // a row added by the planner
        String extraScope = params.get("extra_scope");
        if (extraScope != null && !extraScope.isBlank() && params.get("extra_activity") != null && !params.get("extra_activity").isBlank()) {
            ManDayActivity extra = FormValues.choice(ManDayActivity.class, "extra_activity", params.get("extra_activity"));
            String md = params.get("extra_md");
            String reason = params.get("extra_reason");
            if (md != null && !md.isBlank() && (reason == null || reason.isBlank())) {
                // an added figure without a reason is refused at the row's own field (issue 8 item 14)
                throw Refusal.badRequest(List.of(Reason.of("planning.manDays.reasonRequired", extraScope.strip(), extra).at("extra_reason")));
            }
            keys.add(extraScope.strip() + "|" + params.get("extra_activity"));
            params.put("md_" + extraScope.strip() + "|" + params.get("extra_activity"), params.get("extra_md"));
            params.put("reason_" + extraScope.strip() + "|" + params.get("extra_activity"), params.get("extra_reason"));
        }
        Map<String, BigDecimal> computed = new LinkedHashMap<>();
        plan.manDays().lines().stream().filter(l -> !l.aggregate() && l.tableMin() != null)
                .forEach(l -> computed.put(l.scopeKey() + "|" + l.activity(), l.tableMin()));
        for (String k : keys) {
            String reason = params.get("reason_" + k);
            String md = params.get("md_" + k);
            if (md == null || md.isBlank()) {
                continue; // no figure: the computed one stands
            }
            String[] sa = k.split("\\|", 2);
            ManDayActivity activity = FormValues.choice(ManDayActivity.class, "md_" + k, sa.length > 1 ? sa[1] : null);
            BigDecimal figure;
            try {
                figure = new BigDecimal(md.strip());
            } catch (NumberFormatException e) {
                throw Refusal.badRequest(List.of(Reason.of("planning.manDays.notANumber", md).at("md_" + k)));
            }
            if ((reason == null || reason.isBlank()) && computed.containsKey(k) && computed.get(k).compareTo(figure) == 0) {
                continue; // the computed figure, unchanged: nothing to explain
            }
            // a changed figure goes to the rules even without a reason: they refuse it in words at the reason's field
            // (issue 8 item 14), never drop it silently
            overrides.add(new ManDayOverride(sa[0], activity, figure, reason));
        }
        plans.setManDays(me, applicationId, overrides);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/inspection-scheme")
    String inspectionScheme(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        plans.setInspectionScheme(me, applicationId, inspectionScheme(p));
        return redirect(applicationId);
    }

    private static InspectionScheme inspectionScheme(Map<String, String> p) {
        return new InspectionScheme(p.get("purpose"), p.get("units"), p.get("productTypes"),
                p.get("systemBoundary"), p.get("functionalUnit"), date(p, "dataPeriodFrom"), date(p, "dataPeriodTo"),
                p.get("basis"), p.get("onSiteRequirements"), p.get("verificationRequirements"), p.get("schedule"),
                date(p, "visitDate"));
    }

    @PostMapping("/planning/{applicationId}/verification-plan")
    String verificationPlan(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        List<RiskAssessment> risks = new ArrayList<>();
        for (RiskFactor f : RiskFactor.values()) {
            String r = p.get("risk_" + f.name());
            if (r != null && !r.isBlank()) {
                risks.add(new RiskAssessment(f, FormValues.choice(RiskRating.class, "risk_" + f.name(), r), p.get("riskNote_" + f.name())));
            }
        }
        BigDecimal materiality;
        try {
            materiality = blank(p.get("materialityPercent")) ? null : new BigDecimal(p.get("materialityPercent").strip());
        } catch (NumberFormatException e) {
            throw Refusal.badRequest(List.of(Reason.of("planning.verification.materialityNotANumber", p.get("materialityPercent"))
                    .at("materialityPercent")));
        }
        plans.setVerificationPlan(me, applicationId, new VerificationPlan(p.get("informationAnalysis"),
                blank(p.get("complexity")) ? null : FormValues.choice(Complexity.class, "complexity", p.get("complexity")), p.get("complexityReason"), risks,
                blank(p.get("assuranceLevel")) ? null : FormValues.choice(AssuranceLevel.class, "assuranceLevel", p.get("assuranceLevel")), materiality,
                p.get("samplingPlan"), p.get("evidencePlan"), p.get("verificationActivities")));
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/approval")
    String approve(Actor me, @PathVariable long applicationId) {
        plans.approve(me, applicationId);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/sending")
    String send(Actor me, @PathVariable long applicationId) {
        plans.send(me, applicationId);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/confirmation")
    String confirm(Actor me, @PathVariable long applicationId, @RequestParam(required = false) Integer revision,
                   @RequestParam(required = false) String note) {
        plans.confirm(me, applicationId, revision, note);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/change-requests")
    String requestChange(Actor me, @PathVariable long applicationId, @RequestParam(required = false) Integer revision,
                         @RequestParam(required = false) String reason) {
        plans.requestChange(me, applicationId, revision, reason);
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/revisions")
    String revise(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        plans.revise(me, applicationId, inspectionScheme(p), p.get("note"));
        return redirect(applicationId);
    }

    @PostMapping("/planning/{applicationId}/visit-start")
    String startVisit(Actor me, @PathVariable long applicationId) {
        plans.startVisit(me, applicationId);
        return redirect(applicationId);
    }

    /** Team members from the form: a select {@code role_<userId>} per candidate, empty = not in the team. */
    static List<MemberInput> members(Map<String, String> params) {
        List<MemberInput> out = new ArrayList<>();
        params.forEach((k, v) -> {
            if (k.startsWith("role_") && v != null && !v.isBlank()) {
                try {
                    out.add(new MemberInput(Long.parseLong(k.substring(5)), TeamRole.valueOf(v)));
                } catch (IllegalArgumentException e) {
                    throw Refusal.badRequest(List.of(Reason.of("planning.member.invalid", k, v).at(k)));
                }
            }
        });
        out.sort((a, b) -> Integer.compare(a.role().ordinal(), b.role().ordinal()));
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The date of a form field, or null when blank. */
    private static LocalDate date(Map<String, String> form, String field) {
        String s = form.get(field);
        try {
            return blank(s) ? null : LocalDate.parse(s.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.badRequest(List.of(Reason.of("planning.dateInvalid", s).at(field)));
        }
    }

    private static String redirect(long applicationId) {
        return "redirect:/planning/" + applicationId;
    }

    /** For the template: the key of a man-day line's form fields. */
    static String key(ManDayLine l) {
        return l.scopeKey() + "|" + l.activity();
    }
}
