package cn.cfp.cases.web;

import cn.cfp.access.Actor;
import cn.cfp.cases.Cases;
import cn.cfp.shared.Paging;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The case's forms on the application page (clock, extension, termination) and the staff dashboard of open cases. */
@Controller
class CasePages {

    private final Cases cases;

    CasePages(Cases cases) {
        this.cases = cases;
    }

    @PostMapping("/applications/{id}/clock/pause")
    String pause(Actor me, @PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                 @RequestParam(required = false) String reason) {
        cases.pause(id, date, reason, me);
        return back(id);
    }

    @PostMapping("/applications/{id}/clock/resume")
    String resume(Actor me, @PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        cases.resume(id, date, me);
        return back(id);
    }

    @PostMapping("/applications/{id}/clock/extension")
    String extend(Actor me, @PathVariable long id, @RequestParam(required = false) Integer days,
                  @RequestParam(required = false) String reason,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreedOn) {
        cases.extend(id, days == null ? 0 : days, reason, agreedOn, me);
        return back(id);
    }

    @PostMapping("/applications/{id}/terminate")
    String terminate(Actor me, @PathVariable long id, @RequestParam(required = false) String reasons) {
        cases.terminate(id, reasons, me);
        return back(id);
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
        Paging paging = Paging.of(page, size);
        Paging.Page<Cases.OpenCase> result = cases.openByRisk(paging);
        model.addAttribute("rows", result.items().stream().map(c -> new Row(c.applicationId(), c.reference(), c.scheme(), c.stages(),
                c.clock())).toList());
        model.addAttribute("result", result);
        model.addAttribute("paging", paging);
        return "application/dashboard";
    }

    /** A dashboard row. */
    record Row(long applicationId, String reference, String schemeCode, java.util.List<cn.cfp.scheme.Stage> stages,
               cn.cfp.cases.CaseClock clock) {
    }

    private static String back(long id) {
        return "redirect:/applications/" + id;
    }
}
