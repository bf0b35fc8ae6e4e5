package cn.cfp.calendar.internal;

import cn.cfp.access.Actor;
import cn.cfp.calendar.WorkingDayCalendar;
import cn.cfp.calendar.WorkingDays;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everybody can read the calendar and count working days; only an admin edits it. */
@Controller
class CalendarController {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CalendarController(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String page(@RequestParam(required = false) Integer year,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) Integer days, Model model) {
        int y = year != null ? year : LocalDate.now(clock).getYear();
        model.addAttribute("year", y);
        model.addAttribute("entries", calendar.entries(y));
        model.addAttribute("configured", calendar.configuredYears());
        model.addAttribute("yearConfigured", calendar.isConfigured(y));
        if (from != null && days != null) {
            model.addAttribute("from", from);
            model.addAttribute("days", days);
            model.addAttribute("result", calendar.plusWorkingDays(from, days));
        }
        return "calendar/index";
    }

    @GetMapping("/api/calendar/working-days")
    @ResponseBody
    Map<String, Object> plus(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam int days) {
        WorkingDays result = calendar.plusWorkingDays(from, days);
        return Map.of("from", from.toString(), "workingDays", days, "date", result.date().toString(),
                "exact", result.exact(), "unconfiguredYears", result.unconfiguredYears());
    }

    @PostMapping("/calendar/day")
    String put(Actor me,
               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam WorkingDayCalendar.Kind kind, @RequestParam String name, RedirectAttributes redirect) {
        calendar.put(me.username(), date, kind, name);
        return "redirect:/calendar?year=" + date.getYear();
    }

    @PostMapping("/calendar/day/remove")
    String remove(Actor me,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        calendar.remove(me.username(), date);
        return "redirect:/calendar?year=" + date.getYear();
    }

    @PostMapping("/calendar/year")
    String configure(Actor me, @RequestParam int year, @RequestParam String source) {
        calendar.markConfigured(me.username(), year, source);
        return "redirect:/calendar?year=" + year;
    }
}
