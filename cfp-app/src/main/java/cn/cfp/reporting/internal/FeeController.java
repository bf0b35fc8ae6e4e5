package cn.cfp.reporting.internal;

import cn.cfp.access.Actor;
import cn.cfp.reporting.FeeBasis;
import cn.cfp.reporting.FeeItem;
import cn.cfp.reporting.FeeSchedule;
import cn.cfp.reporting.FeeScheduleDraft;
import cn.cfp.reporting.FeeSchedules;
import cn.cfp.shared.Reason;
import cn.cfp.shared.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The published fee schedule [R-PUB-4; 000 §10; 001 §16; 002 §9; 003 ¶97]: the public page {@code /fees} and its JSON
 * (anonymous), and the administrator's editor {@code /admin/fees}, where each save is a new version.
 */
@Controller
@Tag(name = "fees", description = "The body's published fee schedule (public) and its versions")
class FeeController {

    /** Empty rows the editor offers below the current lines. */
    static final int BLANK_ROWS = 3;

    /** A version as published: without who saved it. */
    record PublicFeeSchedule(int version, LocalDate effectiveOn, String noteZh, String noteEn, boolean demo, Instant savedAt,
                             List<FeeItem> items) {

        static PublicFeeSchedule of(FeeSchedule s) {
            return s == null ? null : new PublicFeeSchedule(s.version(), s.effectiveOn(), s.noteZh(), s.noteEn(), s.demo(),
                    s.savedAt(), s.items());
        }
    }

    record PublicFees(PublicFeeSchedule current, PublicFeeSchedule upcoming, List<PublicFeeSchedule> history) {
    }

    private final FeeSchedules fees;

    FeeController(FeeSchedules fees) {
        this.fees = fees;
    }

    @GetMapping("/fees")
    String page(@RequestParam(required = false) Integer version, Model model) {
        FeeSchedule current = fees.current().orElse(null);
        FeeSchedule shown = version == null ? current
                : fees.version(version).orElseThrow(() -> Refusal.notFound("reporting.fees.noVersion", version));
        model.addAttribute("schedule", shown);
        model.addAttribute("current", current);
        model.addAttribute("upcoming", fees.upcoming().orElse(null));
        model.addAttribute("history", fees.history());
        return "reporting/fees";
    }

    @GetMapping("/api/public/fees")
    @ResponseBody
    @Operation(summary = "The fee schedule in force, the next one when published ahead of its date, and every version (newest first, without lines)")
    PublicFees publicFees() {
        return new PublicFees(PublicFeeSchedule.of(fees.current().orElse(null)), PublicFeeSchedule.of(fees.upcoming().orElse(null)),
                fees.history().stream().map(PublicFeeSchedule::of).toList());
    }

    @GetMapping("/api/public/fees/{version}")
    @ResponseBody
    @Operation(summary = "One version of the fee schedule with its lines")
    PublicFeeSchedule publicVersion(@PathVariable int version) {
        return PublicFeeSchedule.of(fees.version(version).orElseThrow(() -> Refusal.notFound("reporting.fees.noVersion", version)));
    }

    @GetMapping("/admin/fees")
    String editor(Model model) {
        FeeSchedule latest = fees.latest().orElse(null);
        List<FeeItem> rows = new ArrayList<>(latest == null ? List.of() : latest.items());
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(new FeeItem(null, null, null, null, null, null));
        }
        model.addAttribute("latest", latest);
        model.addAttribute("rows", rows);
        model.addAttribute("bases", List.of(FeeBasis.values()));
        model.addAttribute("history", fees.history());
        return "reporting/fees-admin";
    }

    @PostMapping("/admin/fees")
    String save(Actor me, @RequestParam MultiValueMap<String, String> form) {
        List<Reason> problems = new ArrayList<>();
        Integer base = integer(form.getFirst("baseVersion"));
        LocalDate effective = date(form.getFirst("effectiveOn"), problems);
        List<String> zh = values(form, "nameZh");
        List<String> en = values(form, "nameEn");
        List<String> basis = values(form, "basis");
        List<String> amount = values(form, "amountCny");
        List<String> noteZh = values(form, "noteZh");
        List<String> noteEn = values(form, "noteEn");
        int n = Math.max(Math.max(zh.size(), en.size()), Math.max(amount.size(), basis.size()));
        List<FeeItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String z = at(zh, i);
            String e = at(en, i);
            String a = at(amount, i);
            String tz = at(noteZh, i);
            String te = at(noteEn, i);
            if (blank(z) && blank(e) && blank(a) && blank(tz) && blank(te)) {
                items.add(null); // an empty row of the editor
                continue;
            }
            items.add(new FeeItem(z, e, basis(at(basis, i)), money(a, i + 1, problems), tz, te));
        }
        if (!problems.isEmpty()) {
            throw Refusal.badRequest(problems);
        }
        fees.save(me, new FeeScheduleDraft(base, effective, form.getFirst("scheduleNoteZh"), form.getFirst("scheduleNoteEn"), items));
        return "redirect:/admin/fees";
    }

    @PostMapping("/api/admin/fees")
    @ResponseBody
    @Operation(summary = "Save a new version of the fee schedule (ADMIN): baseVersion (the version read; 0 for the first), "
            + "effectiveOn, noteZh/noteEn, items [{nameZh, nameEn, basis, amountCny, noteZh, noteEn}]; a stale base is refused (409)")
    FeeSchedule saveApi(Actor me, @RequestBody(required = false) FeeScheduleDraft body) {
        return fees.save(me, body);
    }

    private static List<String> values(MultiValueMap<String, String> form, String name) {
        List<String> v = form.get(name);
        return v == null ? List.of() : v;
    }

    private static String at(List<String> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Integer integer(String s) {
        try {
            return blank(s) ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static FeeBasis basis(String s) {
        try {
            return blank(s) ? null : FeeBasis.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal money(String s, int row, List<Reason> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(Reason.of("reporting.fees.amount", row, s).at("amountCny"));
            return null;
        }
    }

    private static LocalDate date(String s, List<Reason> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            problems.add(Reason.of("reporting.badDate", s).at("effectiveOn"));
            return null;
        }
    }
}
