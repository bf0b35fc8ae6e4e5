package cn.cfp.reporting.internal;

import cn.cfp.access.Actor;
import cn.cfp.reporting.CncaReporting;
import cn.cfp.reporting.CncaSubmission;
import cn.cfp.reporting.ItemFilter;
import cn.cfp.reporting.MarkReported;
import cn.cfp.reporting.ReportChannel;
import cn.cfp.reporting.ReportItem;
import cn.cfp.reporting.ReportKind;
import cn.cfp.scheme.Scheme;
import cn.cfp.scheme.SchemeCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff's reporting page [R-PUB-3; decision D5]: the unreported items, oldest first, with their age in days (no
 * seed sets a deadline; those past the body's reminder are marked), filters, the package download of the selected
 * items, and the record that they were reported.
 */
@Controller
class ReportingPagesController {

    private final CncaReporting reporting;
    private final SchemeCatalog schemes;
    private final int reminderWorkingDays;

    ReportingPagesController(CncaReporting reporting, SchemeCatalog schemes,
                             @Value("${cfp.reporting.reminder-working-days:5}") int reminderWorkingDays) {
        this.reporting = reporting;
        this.schemes = schemes;
        this.reminderWorkingDays = reminderWorkingDays;
    }

    @GetMapping("/reporting")
    String page(@RequestParam(required = false) String scheme, @RequestParam(required = false) String kind,
                @RequestParam(required = false) Long done, Model model) {
        ItemFilter filter = ItemQuery.filter(scheme, kind, null, null, null, false);
        List<ReportItem> items = reporting.items(filter);
        LocalDate today = reporting.today();
        Set<Long> overdue = reporting.overdue(reminderWorkingDays).stream().map(ReportItem::id).collect(Collectors.toSet());
        model.addAttribute("rows", ItemRow.of(items, reporting, today, overdue));
        model.addAttribute("today", today);
        model.addAttribute("schemeCodes", schemes.all().stream().map(Scheme::code).toList());
        model.addAttribute("kinds", List.of(ReportKind.values()));
        model.addAttribute("channels", List.of(ReportChannel.values()));
        model.addAttribute("scheme", filter.scheme());
        model.addAttribute("kind", filter.kind());
        model.addAttribute("reminderWorkingDays", reminderWorkingDays);
        model.addAttribute("done", done == null ? null : reporting.submission(done).orElse(null));
        return "reporting/list";
    }

    @PostMapping("/reporting/submissions")
    String mark(Actor me, @RequestParam(required = false) List<Long> ids, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String receipt, @RequestParam(required = false) String note) {
        CncaSubmission s = reporting.markReported(me, new MarkReported(ids, channel(channel), receipt, note));
        return "redirect:/reporting?done=" + s.id();
    }

    static ReportChannel channel(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ReportChannel.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
