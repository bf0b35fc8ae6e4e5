package cn.cfp.verification.internal;

import cn.cfp.access.Actor;
import cn.cfp.cases.Cases;
import cn.cfp.cases.CertificationCase;
import cn.cfp.scheme.NcClass;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import cn.cfp.scheme.Stage;
import cn.cfp.shared.Refusal;
import cn.cfp.verification.Correction;
import cn.cfp.verification.DataCheckTables;
import cn.cfp.verification.FootprintAdapter;
import cn.cfp.verification.RecalculationView;
import cn.cfp.verification.VerificationView;
import cn.cfp.verification.Verifications;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The verification page (one URL, two views): the client's parties see their submissions and the applicant uploads a
 * new version; the staff on the case see the verifier's worksheet — aspects and data-check table rows saved one by one
 * through the API ({@code static/js/verification.js}), corrections, recalculation, findings and completion as forms.
 * The client never sees the verifier's notes, corrections or results.
 */
@Controller
class VerificationPagesController {

    /** One line of the latest result as the page prints it ({@code ./cfp calc}'s formats). */
    record Line(String name, String kg, String percent) {
    }

    /** The latest recalculation with its stage, gas and process lines and the Monte Carlo, formatted. */
    record Summary(RecalculationView result, String total, String deviation, List<Line> stages, List<Line> gases,
                   List<Line> processes, String mcMean, String mcLow, String mcHigh) {
    }

    /** A correction with its what-if effect in % (null when it cannot be computed). */
    record CorrectionLine(Correction.Stored stored, BigDecimal effectPercent) {
    }

    private static final int TOP_PROCESSES = 10;

    private final Verifications verifications;
    private final DataCheckTables tables;
    private final Cases cases;
    private final SchemeCatalog schemes;
    private final cn.cfp.nonconformity.Nonconformities nonconformities;
    private final JsonMapper json = JsonMapper.builder().build();

    VerificationPagesController(Verifications verifications, DataCheckTables tables, Cases cases, SchemeCatalog schemes,
                                cn.cfp.nonconformity.Nonconformities nonconformities) {
        this.nonconformities = nonconformities;
        this.verifications = verifications;
        this.tables = tables;
        this.cases = cases;
        this.schemes = schemes;
    }

    @GetMapping("/verification/{applicationId}")
    String page(Actor me, @PathVariable long applicationId, Model model) {
        CertificationCase c = cases.require(applicationId);
        Scheme scheme = schemes.get(c.schemeCode());
        model.addAttribute("caseOf", c);
        model.addAttribute("scheme", scheme);
        model.addAttribute("submissions", verifications.submissions(applicationId));
        boolean done = c.passed(Stage.VERIFICATION);
        model.addAttribute("verificationDone", done);
        if (me.isClient()) {
            boolean applicant = c.parties().applicantOrgId() == me.organisationId().longValue();
            model.addAttribute("uploader", applicant && c.isOpen() && !done);
            return "verification/client";
        }
        VerificationView v = verifications.view(applicationId);
        model.addAttribute("v", v);
        boolean writer = verifications.isVerifier(me, applicationId) && c.isOpen()
                && c.currentStages().contains(Stage.VERIFICATION);
        model.addAttribute("writer", writer);
        model.addAttribute("workGate", verifications.workVerdict(applicationId));
        Map<cn.cfp.verification.Aspect, cn.cfp.verification.Aspect.Concluded> aspects = new LinkedHashMap<>();
        v.aspects().forEach(a -> aspects.put(a.aspect(), a));
        model.addAttribute("aspects", aspects);
        List<cn.cfp.verification.Aspect> shown = new ArrayList<>(cn.cfp.verification.Aspect.SIX);
        if (v.consistencyCheck()) {
            shown.add(cn.cfp.verification.Aspect.CONSISTENCY_CHECK);
        }
        model.addAttribute("aspectList", shown);
        model.addAttribute("conclusions", cn.cfp.verification.Aspect.Conclusion.values());
        model.addAttribute("tables", tables.rows(applicationId));
        List<CorrectionLine> corr = new ArrayList<>();
        for (Correction.Stored s : v.corrections()) {
            BigDecimal effect;
            try {
                effect = verifications.effectPercent(applicationId, s.id());
            } catch (Refusal e) {
                effect = null;
            }
            corr.add(new CorrectionLine(s, effect));
        }
        model.addAttribute("corrections", corr);
        model.addAttribute("kinds", Correction.Kind.values());
        addCorrectionChoices(v, model);
        List<NcClass> classes = scheme.nonconformities().value() == null ? List.of() : scheme.nonconformities().value().classes();
        model.addAttribute("ncClasses", classes);
        Map<String, cn.cfp.scheme.LocalizedText> classNames = new LinkedHashMap<>();
        classes.forEach(k -> classNames.put(k.key(), k.name()));
        model.addAttribute("ncClassNames", classNames);
        model.addAttribute("ncs", nonconformities.of(applicationId).stream().filter(n -> n.source() == Stage.VERIFICATION).toList());
        model.addAttribute("summary", v.recalculations().isEmpty() ? null
                : summary(verifications.recalculation(applicationId, v.recalculations().get(v.recalculations().size() - 1).id())));
        return "verification/staff";
    }

    @SuppressWarnings("unchecked")
    private Summary summary(RecalculationView r) {
        Map<String, Object> root = json.readValue(r.resultJson(), Map.class);
        Map<String, Object> res = (Map<String, Object>) root.get("result");
        List<Line> stages = lines((List<Map<String, Object>>) res.get("stages"), "stage", Integer.MAX_VALUE);
        List<Line> gases = lines((List<Map<String, Object>>) res.get("gases"), "gas", Integer.MAX_VALUE);
        List<Line> procs = lines((List<Map<String, Object>>) res.get("processes"), "process", TOP_PROCESSES);
        Map<String, Object> mc = (Map<String, Object>) root.get("monteCarlo");
        Map<String, Object> st = mc == null ? null : (Map<String, Object>) mc.get("statistics");
        return new Summary(r, FootprintAdapter.kg(r.totalKgCo2e()),
                r.deviationPercent() == null ? "—" : FootprintAdapter.percent(r.deviationPercent()), stages, gases, procs,
                st == null ? null : FootprintAdapter.kg(num(st.get("mean"))), st == null ? null : FootprintAdapter.kg(num(st.get("p2_5"))),
                st == null ? null : FootprintAdapter.kg(num(st.get("p97_5"))));
    }

    private static List<Line> lines(List<Map<String, Object>> rows, String name, int max) {
        List<Line> out = new ArrayList<>();
        if (rows == null) {
            return out;
        }
        for (Map<String, Object> row : rows) {
            if (out.size() >= max) {
                break;
            }
            out.add(new Line(String.valueOf(row.get(name)), FootprintAdapter.kg(num(row.get("kgCo2e"))),
                    FootprintAdapter.percent(num(row.get("percent")))));
        }
        return out;
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    @PostMapping("/verification/{applicationId}/submissions")
    String submit(Actor me, @PathVariable long applicationId, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) BigDecimal claimedKgCo2e) throws IOException {
        boolean none = file == null || file.isEmpty();
        verifications.submit(me, applicationId, none ? "" : file.getOriginalFilename(), none ? null : file.getBytes(),
                claimedKgCo2e);
        return redirect(applicationId, "submissions");
    }

    /** One choice of the correction form: what is posted and what the verifier reads. */
    record Choice(String value, String label) {
    }

    /** Up to this many inputs and emissions are offered to choose from; a larger inventory names them as text. */
    static final int MAX_CHOICES = 2_000;

    /**
     * The data of the latest submission to choose from ("choose, don't type", issue 8 item 13): every input and emission
     * of every process (posted as {@code processId::item}) and every emission factor.
     */
    private void addCorrectionChoices(VerificationView v, Model model) {
        List<Choice> activities = new ArrayList<>();
        List<Choice> factors = new ArrayList<>();
        if (!v.submissions().isEmpty()) {
            cn.cfp.calc.model.Inventory inv = verifications.inventory(v.submissions().get(v.submissions().size() - 1));
            int lines = inv.processes().stream().mapToInt(p -> p.inputs().size() + p.emissions().size()).sum();
            if (lines <= MAX_CHOICES) {
                for (cn.cfp.calc.model.Process p : inv.processes()) {
                    p.inputs().forEach(in -> activities.add(new Choice(p.id() + TARGET + in.name(), p.name() + " · " + in.name() + " (" + in.amount() + ")")));
                    p.emissions().forEach(e -> activities.add(new Choice(p.id() + TARGET + e.name(), p.name() + " · " + e.name() + " (" + e.amount() + ")")));
                }
                inv.factors().forEach(f -> factors.add(new Choice(f.id(), f.name() + " (" + f.id() + ")")));
            }
        }
        model.addAttribute("activityChoices", activities);
        model.addAttribute("factorChoices", factors);
    }

    /** Between the process id and the item's name in a chosen activity. */
    static final String TARGET = "::";

    @PostMapping("/verification/{applicationId}/corrections")
    String correct(Actor me, @PathVariable long applicationId, @RequestParam(required = false) Correction.Kind kind,
                   @RequestParam(required = false) String target,
                   @RequestParam(required = false) String processId, @RequestParam(required = false) String item,
                   @RequestParam(required = false) String factorId, @RequestParam(required = false) String gas,
                   @RequestParam(required = false) Double correctedValue, @RequestParam(required = false) String reason) {
        if (target != null && target.contains(TARGET)) {   // chosen from the list: process id :: item name
            processId = target.substring(0, target.indexOf(TARGET));
            item = target.substring(target.indexOf(TARGET) + TARGET.length());
        }
        verifications.correct(me, applicationId, new Correction(kind, blank(processId), blank(item), blank(factorId), blank(gas),
                correctedValue == null ? Double.NaN : correctedValue, reason));
        return redirect(applicationId, "corrections");
    }

    @PostMapping("/verification/{applicationId}/recalculations")
    String recalculate(Actor me, @PathVariable long applicationId, @RequestParam(required = false) Integer iterations,
                       @RequestParam(required = false) Long seed) {
        verifications.recalculate(me, applicationId, iterations, seed);
        return redirect(applicationId, "result");
    }

    @PostMapping("/verification/{applicationId}/nonconformities")
    String raise(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String clause,
                 @RequestParam(required = false) String description, @RequestParam(required = false) String ncClass,
                 @RequestParam(required = false) Long correctionId) {
        verifications.raise(me, applicationId, new Verifications.Finding(null, clause, description, blank(ncClass), correctionId, null));
        return redirect(applicationId, "findings");
    }

    @PostMapping("/verification/{applicationId}/completion")
    String complete(Actor me, @PathVariable long applicationId, @RequestParam(required = false) String note) {
        verifications.complete(me, applicationId, note);
        return redirect(applicationId, "completion");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String redirect(long applicationId, String anchor) {
        return "redirect:/verification/" + applicationId + "#" + anchor;
    }
}
