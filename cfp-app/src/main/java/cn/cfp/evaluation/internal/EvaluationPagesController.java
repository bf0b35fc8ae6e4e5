package cn.cfp.evaluation.internal;

import cn.cfp.access.Actor;
import cn.cfp.access.Role;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.evaluation.ClaimConclusion;
import cn.cfp.evaluation.ConsistencyConclusion;
import cn.cfp.evaluation.ConsistencyFollowUp;
import cn.cfp.evaluation.EvaluationKind;
import cn.cfp.evaluation.Evaluations;
import cn.cfp.evaluation.ItemAnswer;
import cn.cfp.evaluation.ItemConclusion;
import cn.cfp.evaluation.Stage1Decision;
import cn.cfp.scheme.EvaluationItem;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evaluation page of a case: CICC stage 1 and the start of stage 2, CGC's claim-and-evidence rounds and the
 * consistency check of an adopted verification, the client's supplements and the manager's termination — a form per step
 * for the people who may take it (the service and the access table enforce the same on submit).
 */
@Controller
class EvaluationPagesController {

    private final Evaluations evaluations;
    private final Cases cases;

    EvaluationPagesController(Evaluations evaluations, Cases cases) {
        this.evaluations = evaluations;
        this.cases = cases;
    }

    @GetMapping("/evaluation/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        Evaluations.EvaluationView v = evaluations.view(applicationId);
        CertificationCase c = cases.require(applicationId);
        boolean verifying = c.team().stream().anyMatch(t -> t.userId() == me.id() && ("LEADER".equals(t.role()) || "VERIFIER".equals(t.role())));
        boolean applicant = me.isClient() && me.organisationId() != null && me.organisationId() == c.parties().applicantOrgId();
        boolean manager = me.has(Role.PROJECT_MANAGER) && c.isManager(me.id());
        boolean atStage1 = v.open() && v.stages().contains(Stage.PRELIMINARY_EVALUATION);
        boolean atVerification = v.open() && v.stages().contains(Stage.VERIFICATION);
        model.addAttribute("v", v);
        model.addAttribute("verifying", verifying);
        model.addAttribute("applicant", applicant);
        model.addAttribute("manager", manager);
        model.addAttribute("atStage1", atStage1);
        model.addAttribute("atVerification", atVerification);
        // the claim evaluation runs from the document review to the verification [003 ¶59, ¶64]
        model.addAttribute("atClaim", v.open() && v.stages().stream().anyMatch(cn.cfp.evaluation.Evaluations.CLAIM_STAGES::contains));
        model.addAttribute("itemConclusions", ItemConclusion.values());
        model.addAttribute("decisions", Stage1Decision.values());
        model.addAttribute("claimConclusions", ClaimConclusion.values());
        model.addAttribute("consistencyConclusions", ConsistencyConclusion.values());
        model.addAttribute("followUps", ConsistencyFollowUp.values());
        return "evaluation/page";
    }

    @PostMapping("/evaluation/{applicationId}/stage1")
    String stage1(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        var scheme = evaluations.view(applicationId).stage1Scheme().value();
        List<EvaluationItem> items = scheme == null ? List.of() : scheme.items();
        String onSite = p.get("onSite");
        evaluations.recordStage1(me, applicationId, new Evaluations.Stage1Input(onSite == null || onSite.isBlank() ? null : Boolean.valueOf(onSite),
                "on".equals(p.get("combinedWithDocumentCheck")) || "true".equals(p.get("combinedWithDocumentCheck")),
                answers(items, p), parse(Stage1Decision.class, p.get("decision"), "decision"), p.get("reason"), p.get("request")));
        return redirect(applicationId);
    }

    @PostMapping("/evaluation/{applicationId}/stage2-start")
    String startStage2(Actor me, @PathVariable long applicationId) {
        evaluations.startStage2(me, applicationId);
        return redirect(applicationId);
    }

    @PostMapping("/evaluation/{applicationId}/claim")
    String claim(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        var scheme = evaluations.view(applicationId).claimScheme().value();
        List<EvaluationItem> items = scheme == null ? List.of() : scheme.items();
        evaluations.recordClaim(me, applicationId, new Evaluations.ClaimInput(answers(items, p),
                parse(ClaimConclusion.class, p.get("conclusion"), "conclusion"), p.get("findings"), p.get("request")));
        return redirect(applicationId);
    }

    @PostMapping("/evaluation/{applicationId}/consistency")
    String consistency(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        var scheme = evaluations.view(applicationId).claimScheme().value();
        List<EvaluationItem> items = scheme == null ? List.of() : scheme.consistencyItems();
        List<Long> ev = ids(p.get("evidenceId"), "evidenceId");
        evaluations.checkConsistency(me, applicationId, new Evaluations.ConsistencyInput(p.get("verifiedClaim"), p.get("priorReference"),
                ev.isEmpty() ? null : ev.get(0), answers(items, p), parse(ConsistencyConclusion.class, p.get("conclusion"), "conclusion"),
                parse(ConsistencyFollowUp.class, p.get("followUp"), "followUp"), p.get("note"), p.get("ncClass"),
                number(p.get("effectPercent"))));
        return redirect(applicationId);
    }

    @PostMapping("/evaluation/{applicationId}/evidence")
    String evidence(Actor me, @PathVariable long applicationId, @RequestParam MultipartFile file) throws IOException {
        evaluations.upload(me, applicationId, file.getOriginalFilename(), file.getInputStream());
        return redirect(applicationId);
    }

    @PostMapping("/evaluation/{applicationId}/supplements")
    String supplement(Actor me, @PathVariable long applicationId, @RequestParam Map<String, String> p) {
        evaluations.supplement(me, applicationId, parse(EvaluationKind.class, p.get("kind"), "kind"), p.get("note"),
                ids(p.get("evidenceIds"), "evidenceIds"));
        return redirect(applicationId);
    }

    @PostMapping("/evaluation/{applicationId}/termination")
    String terminate(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String reason) {
        evaluations.terminate(me, applicationId, reason);
        return redirect(applicationId);
    }

    /** The answers of a form: per item {@code c_<id>} (conclusion), {@code n_<id>} (note), {@code e_<id>} (evidence ids). */
    private static List<ItemAnswer> answers(List<EvaluationItem> items, Map<String, String> p) {
        List<ItemAnswer> out = new ArrayList<>();
        for (EvaluationItem i : items) {
            String field = "answer." + i.id();
            out.add(new ItemAnswer(i.id(), parse(ItemConclusion.class, p.get("c_" + i.id()), field), p.get("n_" + i.id()),
                    ids(p.get("e_" + i.id()), field + ".evidence"), p.get("k_" + i.id()), number(p.get("x_" + i.id()))));
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.badRequest(List.of(Reason.of("evaluation.form.choice", value, Arrays.asList(type.getEnumConstants())).at(field)));
        }
    }

    private static List<Long> ids(String value, String field) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw Refusal.badRequest(List.of(Reason.of("evaluation.form.ids", value).at(field)));
        }
    }

    private static BigDecimal number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.badRequest(List.of(Reason.of("evaluation.form.number", value).at("effectPercent")));
        }
    }

    private static String redirect(long applicationId) {
        return "redirect:/evaluation/" + applicationId;
    }
}
